using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// DeleteWebAuthnCredential: removes one of the caller's passkeys by its CredentialId. Another user's credential
/// id is answered as an unknown one (ResourceNotFoundException), so nobody learns which ids exist.
/// </summary>
internal sealed class DeleteWebAuthnCredential(
    AppDb db, AccessTokenAuthenticator authenticator, ILogger<DeleteWebAuthnCredential> logger)
    : IAwsHandler<DeleteWebAuthnCredentialRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteWebAuthnCredentialRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var deleted = await db.WebAuthnCredentials
            .Where(c => c.UserId == caller.User.Id && c.CredentialId == request.CredentialId)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return AwsError.ResourceNotFound(PasskeyMessages.CredentialNotFound);
        }

        Log.CredentialDeleted(logger, caller.User.Id, caller.Pool.Id);
        return AwsResult.Empty;
    }
}
