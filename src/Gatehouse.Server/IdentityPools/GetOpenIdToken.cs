using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>GetOpenIdToken</c> (unsigned), the basic (classic) flow's first half: an OpenID token of the identity, valid for
/// 10 minutes, for STS AssumeRoleWithWebIdentity. Checks: the identity exists → its pool allows the classic flow
/// ("Basic (classic) flow is not enabled, please use enhanced flow.", InvalidParameterException, as Cognito answers
/// it, aws-cli #7652) → the logins verify → they may act for the identity (an authenticated identity must present one
/// of its logins; a login of another identity is refused) → new logins are linked.
/// </summary>
internal sealed class GetOpenIdToken(
    AppDb db, LoginVerifier verifier, IdentityLinker linker, OpenIdTokenIssuer issuer) : IAwsHandler<GetOpenIdTokenInput>
{
    public async Task<AwsResult> HandleAsync(GetOpenIdTokenInput request, CancellationToken ct)
    {
        if (await db.FindIdentityAsync(request.IdentityId, ct) is not { } identity
            || await db.FindIdentityPoolAsync(identity.PoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId));
        }

        if (!pool.AllowClassicFlow)
        {
            return AwsError.InvalidParameter(SignInMessages.ClassicFlowDisabled);
        }

        var (logins, error) = await verifier.VerifyAsync(pool, request.Logins, ct);
        if (error is not null)
        {
            return error;
        }

        // Not null: VerifyAsync returns logins whenever it returns no error.
        if (await linker.AuthorizeAsync(pool, identity, logins!, trusted: false, ct) is { } refused)
        {
            return refused;
        }

        var token = await issuer.IssueAsync(
            pool.Id, identity.Id, Amr(logins!), OpenIdTokenIssuer.DefaultLifetime, null, ct);
        return AwsResult.Ok(new GetOpenIdTokenResponse { IdentityId = identity.Id, Token = token });
    }

    /// <summary><c>unauthenticated</c>, or <c>authenticated</c> and what each login adds (role-trust-and-permissions.md).</summary>
    public static List<string> Amr(IReadOnlyList<VerifiedLogin> logins) =>
        logins.Count == 0
            ? [OpenIdTokenIssuer.Unauthenticated]
            : [OpenIdTokenIssuer.Authenticated, .. logins.SelectMany(l => l.Amr).Distinct(StringComparer.Ordinal)];
}
