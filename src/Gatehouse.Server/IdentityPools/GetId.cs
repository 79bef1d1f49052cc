using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>GetId</c> (unsigned): the identity of the presented logins, created on first sight, or a new guest identity
/// when there are none and the pool allows them ("Unauthenticated access is not supported for this identity pool."
/// otherwise). Every token is verified before anything is stored (<see cref="LoginVerifier"/>).
/// </summary>
internal sealed class GetId(AppDb db, LoginVerifier verifier, IdentityLinker linker) : IAwsHandler<GetIdInput>
{
    public async Task<AwsResult> HandleAsync(GetIdInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (request.Logins is null or { Count: 0 })
        {
            if (!pool.AllowUnauthenticated)
            {
                return AwsError.NotAuthorized(SignInMessages.GuestsNotAllowed);
            }

            var guest = await linker.CreateGuestAsync(pool, ct);
            return AwsResult.Ok(new GetIdResponse { IdentityId = guest.Id });
        }

        var (logins, error) = await verifier.VerifyAsync(pool, request.Logins, ct);
        if (error is not null)
        {
            return error;
        }

        // Not null: VerifyAsync returns logins whenever it returns no error.
        var (identity, conflict) = await linker.ResolveAsync(pool, logins!, ct);
        return conflict ?? AwsResult.Ok(new GetIdResponse { IdentityId = identity!.Id });
    }
}
