using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Federation;

/// <summary>The pool user a federated sign-in resolved to, or why none may sign in (a hosted-UI text).</summary>
internal sealed record FederatedSignInResult(User? User, string? Error)
{
    public static FederatedSignInResult Refused(string error) => new(null, error);
}
