namespace Gatehouse.Server.Federation;

/// <summary>The verified upstream user of a callback (subject and claims), or why there is none.</summary>
internal sealed record UpstreamIdentity(string? Subject, Dictionary<string, string>? Claims, string? Failure)
{
    public static UpstreamIdentity Failed(string failure) => new(null, null, failure);
}
