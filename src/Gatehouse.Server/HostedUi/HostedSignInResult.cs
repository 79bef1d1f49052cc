using Gatehouse.Server.Storage;

namespace Gatehouse.Server.HostedUi;

/// <summary>What a hosted-UI password sign-in ends with: an error text, or a user in one of the states.</summary>
internal sealed record HostedSignInResult(User? User, string? Error, HostedSignInState State)
{
    public static HostedSignInResult Failed(string error) => new(null, error, HostedSignInState.Failed);
}
