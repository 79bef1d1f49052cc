using Gatehouse.Server.Sts;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Who signed the request, as <see cref="SigV4Verifier"/> found it, kept in <c>HttpContext.Features</c>: an admin
/// access key (<see cref="Session"/> null) or temporary credentials and the role session they stand for.
/// </summary>
internal sealed record SigV4Caller(string AccessKeyId, RoleSession? Session);
