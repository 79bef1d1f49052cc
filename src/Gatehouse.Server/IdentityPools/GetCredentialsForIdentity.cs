using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Sts;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>GetCredentialsForIdentity</c> (unsigned), the enhanced flow: temporary credentials of the identity's role.
/// Checks, first failure wins: the identity exists → the logins verify → they may act for the identity → a role
/// (<see cref="RoleResolver"/>); then new logins are linked → STS assumes it for the web identity <c>cognito-identity.amazonaws.com</c> (aud =
/// pool id, sub = identity id, amr), session <c>CognitoIdentityCredentials</c>, one hour, with the provider's
/// principal tags, and for guests Cognito's scope-down policy (<see cref="GuestSessionPolicy"/>). STS refusing the
/// role (unknown, or its trust policy does not allow this identity) is Cognito's
/// InvalidIdentityPoolConfigurationException.
/// </summary>
internal sealed class GetCredentialsForIdentity(
    AppDb db, LoginVerifier verifier, IdentityLinker linker, RoleAssumption assumption,
    ILogger<GetCredentialsForIdentity> logger) : IAwsHandler<GetCredentialsForIdentityInput>
{
    public const string SessionName = "CognitoIdentityCredentials";
    public const string Source = "GetCredentialsForIdentity";

    public async Task<AwsResult> HandleAsync(GetCredentialsForIdentityInput request, CancellationToken ct)
    {
        if (await db.FindIdentityAsync(request.IdentityId, ct) is not { } identity
            || await db.FindIdentityPoolAsync(identity.PoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.IdentityNotFound(request.IdentityId));
        }

        var (verified, error) = await verifier.VerifyAsync(pool, request.Logins, ct);
        if (error is not null)
        {
            return error;
        }

        // Not null: VerifyAsync returns logins whenever it returns no error.
        var logins = verified!;
        var (access, refused) = await linker.CheckAccessAsync(pool, identity, logins, trusted: false, ct);
        if (refused is not null)
        {
            return refused;
        }

        var (roleArn, login, noRole) = RoleResolver.Resolve(
            IdentityPoolSettings.Roles(pool), IdentityPoolSettings.RoleMappings(pool), logins, request.CustomRoleArn);
        if (noRole is not null)
        {
            return noRole;
        }

        // Not null: CheckAccessAsync returns access whenever it returns no error. Linked only once a role is found.
        if (await linker.LinkNewAsync(pool, access!, ct) is { } linkError)
        {
            return linkError;
        }

        var amr = GetOpenIdToken.Amr(logins);
        const string p = RoleAssumption.CognitoIdentityProvider;
        var webIdentity = new WebIdentity(p, identity.Id, pool.Id, new Dictionary<string, IReadOnlyList<string>>(
            StringComparer.OrdinalIgnoreCase)
        {
            [$"{p}:aud"] = [pool.Id],
            [$"{p}:sub"] = [identity.Id],
            [$"{p}:amr"] = amr,
        });
        var sessionPolicy = logins.Count == 0 ? GuestSessionPolicy.Document : null;
        // Not null: Resolve returns a role whenever it returns no error.
        var (credentials, refusal) = await assumption.AssumeWithWebIdentityAsync(roleArn!, webIdentity, SessionName,
            RoleAssumption.DefaultDurationSeconds, sessionPolicy, PrincipalTagValues.For(pool, login), Source, ct);
        if (refusal is not null || credentials is null)
        {
            Log.RoleNotAssumed(logger, pool.Id, roleArn!, refusal?.Type ?? "none");
            return AwsError.InvalidIdentityPoolConfiguration(SignInMessages.InvalidConfiguration);
        }

        Log.CredentialsIssued(logger, pool.Id, identity.Id, roleArn!);
        return AwsResult.Ok(new GetCredentialsForIdentityResponse
        {
            IdentityId = identity.Id,
            Credentials = new Credentials
            {
                AccessKeyId = credentials.AccessKeyId,
                SecretKey = credentials.SecretAccessKey,
                SessionToken = credentials.SessionToken,
                Expiration = credentials.Expiration,
            },
        });
    }
}
