namespace Gatehouse.TestKit;

/// <summary>A message <see cref="SmtpSink"/> received: the envelope and the raw RFC 5322 text.</summary>
public sealed record SmtpSinkMessage(string From, IReadOnlyList<string> Recipients, string Data);
