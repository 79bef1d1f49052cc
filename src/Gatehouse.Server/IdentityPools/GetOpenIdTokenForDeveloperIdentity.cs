using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>GetOpenIdTokenForDeveloperIdentity</c> (SigV4, the developer's back end): registers or finds the developer
/// user (Logins' DeveloperProviderName → developer user identifier, an <see cref="IdentityLogin"/> with that provider)
/// and returns an OpenID token of its identity, valid <c>TokenDuration</c> seconds (default 15 minutes, at most
/// 24 hours, as the API reference says). Other Logins entries are verified tokens and are linked too. With
/// <c>IdentityId</c>, the user is linked to that identity; a user registered to another identity is a
/// DeveloperUserAlreadyRegisteredException ("The provided developer user identifier is already registered with
/// Cognito under a different identity ID.", API reference). Checks: pool → developer provider → logins → link → token.
/// </summary>
internal sealed class GetOpenIdTokenForDeveloperIdentity(
    AppDb db, LoginVerifier verifier, IdentityLinker linker, OpenIdTokenIssuer issuer)
    : IAwsHandler<GetOpenIdTokenForDeveloperIdentityInput>
{
    public const int DefaultTokenDurationSeconds = 900;

    public async Task<AwsResult> HandleAsync(GetOpenIdTokenForDeveloperIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        if (pool.DeveloperProviderName is not { } developerProvider)
        {
            return AwsError.InvalidParameter(SignInMessages.NoDeveloperProvider);
        }

        if (!request.Logins.TryGetValue(developerProvider, out var developerUser))
        {
            return AwsError.InvalidParameter(SignInMessages.DeveloperProviderRequired);
        }

        var others = request.Logins.Where(l => !string.Equals(l.Key, developerProvider, StringComparison.Ordinal))
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var (verified, error) = await verifier.VerifyAsync(pool, others, ct);
        if (error is not null)
        {
            return error;
        }

        var developer = new VerifiedLogin(developerProvider, developerUser, developerProvider,
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), [developerProvider]);
        // Not null: VerifyAsync returns logins whenever it returns no error.
        List<VerifiedLogin> logins = [developer, .. verified!];
        var (identity, linkError) = request.IdentityId is { } identityId
            ? await LinkToAsync(pool, identityId, logins, ct)
            : await linker.ResolveAsync(pool, logins, ct);
        if (linkError is not null)
        {
            return linkError;
        }

        var duration = TimeSpan.FromSeconds(request.TokenDuration ?? DefaultTokenDurationSeconds);
        // Not null: both paths return an identity whenever they return no error.
        var token = await issuer.IssueAsync(
            pool.Id, identity!.Id, GetOpenIdToken.Amr(logins), duration, request.PrincipalTags, ct);
        return AwsResult.Ok(new GetOpenIdTokenForDeveloperIdentityResponse { IdentityId = identity.Id, Token = token });
    }

    private async Task<(Identity?, AwsError?)> LinkToAsync(
        IdentityPoolRecord pool, string identityId, List<VerifiedLogin> logins, CancellationToken ct)
    {
        if (await db.FindIdentityAsync(identityId, ct) is not { } identity || identity.PoolId != pool.Id)
        {
            return (null, AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(identityId)));
        }

        if (await db.FindDeveloperLoginAsync(pool, logins[0].Subject, ct) is { } registered
            && !string.Equals(registered.IdentityId, identity.Id, StringComparison.Ordinal))
        {
            return (null, AwsError.DeveloperUserAlreadyRegistered(SignInMessages.DeveloperUserRegistered(registered.IdentityId)));
        }

        // A SigV4 call of the developer's back end: it vouches for the user, so it may link to any identity of its pool.
        var refused = await linker.AuthorizeAsync(pool, identity, logins, trusted: true, ct);
        return refused is null ? (identity, null) : (null, refused);
    }
}
