using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Auth;

/// <summary>One named rule of an authentication operation (STYLE.md §2); null means it passed.</summary>
internal sealed record AuthCheck(string Name, Func<AuthAttempt, CancellationToken, Task<AwsError?>> Run);
