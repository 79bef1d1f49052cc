using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// The ordered checks of InitiateAuth/AdminInitiateAuth (<see cref="Initiate"/>) and
/// RespondToAuthChallenge/AdminRespondToAuthChallenge (<see cref="Respond"/>). The first failure wins, so the
/// order decides which error a client sees. ClientId being present is the model validator's check
/// (InvalidParameterException before any handler runs), so the lists start after it.
/// </summary>
internal sealed class AuthChecks(AppDb db, SecretProtector protector, DeviceKeyCheck devices, CustomAuthTriggers customAuth)
{
    public IReadOnlyList<AuthCheck> Initiate =>
    [
        new(nameof(RejectFlowOfOtherOperation), (a, _) => Task.FromResult(RejectFlowOfOtherOperation(a))),
        new(nameof(RejectUnknownPool), RejectUnknownPool),
        new(nameof(RejectUnknownClient), RejectUnknownClient),
        new(nameof(RejectFlowNotAllowed), (a, _) => Task.FromResult(RejectFlowNotAllowed(a))),
        new(nameof(RejectCustomAuthWithoutTriggers), (a, _) => Task.FromResult(RejectCustomAuthWithoutTriggers(a))),
        new(nameof(RejectRefreshWithRotation), (a, _) => Task.FromResult(RejectRefreshWithRotation(a))),
        new(nameof(RequireFlowParameters), (a, _) => Task.FromResult(RequireFlowParameters(a))),
        new(nameof(RequireSecretHash), (a, _) => Task.FromResult(RequireSecretHash(a))),
    ];

    public IReadOnlyList<AuthCheck> Respond =>
    [
        new(nameof(RejectUnknownPool), RejectUnknownPool),
        new(nameof(RejectUnknownClient), RejectUnknownClient),
        new(nameof(RejectUnbuiltChallenge), (a, _) => Task.FromResult(RejectUnbuiltChallenge(a))),
        new(nameof(RequireChallengeResponses), (a, _) => Task.FromResult(RequireChallengeResponses(a))),
        new(nameof(RequireSecretHash), (a, _) => Task.FromResult(RequireSecretHash(a))),
        new(nameof(DeviceKeyCheck.RejectUnknownDeviceAsync), devices.RejectUnknownDeviceAsync),
    ];

    public static async Task<AwsError?> RunAsync(IReadOnlyList<AuthCheck> checks, AuthAttempt attempt, CancellationToken ct)
    {
        foreach (var check in checks)
        {
            if (await check.Run(attempt, ct) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>ADMIN_USER_PASSWORD_AUTH is AdminInitiateAuth's; USER_PASSWORD_AUTH is InitiateAuth's.</summary>
    private static AwsError? RejectFlowOfOtherOperation(AuthAttempt attempt) =>
        (attempt.Admin ? attempt.Name == AuthFlows.UserPassword : AuthFlows.AdminOnly(attempt.Name))
            ? AwsError.InvalidParameter(AuthMessages.MethodNotSupported)
            : null;

    /// <summary>The admin operations name the pool; it must exist.</summary>
    private async Task<AwsError?> RejectUnknownPool(AuthAttempt attempt, CancellationToken ct) =>
        attempt.UserPoolId is { } poolId && await db.FindPoolAsync(poolId, ct) is null
            ? AwsError.ResourceNotFound(AuthMessages.PoolNotFound(poolId))
            : null;

    /// <summary>The client must exist (in the named pool, for the admin operations); loads pool and client.</summary>
    private async Task<AwsError?> RejectUnknownClient(AuthAttempt attempt, CancellationToken ct)
    {
        var client = await db.FindClientAsync(attempt.ClientId, ct);
        if (client is null || (attempt.UserPoolId is { } poolId && !string.Equals(client.PoolId, poolId, StringComparison.Ordinal))
            || await PoolSettings.LoadAsync(db, client.PoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(AuthMessages.ClientNotFound(attempt.ClientId));
        }

        attempt.Loaded(pool, client, UserPoolSettings.ReadClient(client), AppClientSecret.Reveal(protector, client));
        return null;
    }

    /// <summary>The client's ExplicitAuthFlows must allow the flow (legacy names too).</summary>
    private static AwsError? RejectFlowNotAllowed(AuthAttempt attempt) =>
        AuthFlows.Allowed(attempt.ClientSettings.ExplicitAuthFlows, attempt.Name)
            ? null
            : AwsError.InvalidParameter(AuthMessages.FlowNotEnabled(attempt.Name));

    /// <summary>CUSTOM_AUTH needs the pool's Define, Create and Verify Auth Challenge triggers (Cognito's refusal).</summary>
    private AwsError? RejectCustomAuthWithoutTriggers(AuthAttempt attempt) =>
        attempt.Name is AuthFlows.CustomAuth && !customAuth.AllConfigured(attempt)
            ? AwsError.InvalidParameter(CustomAuthMessages.TriggersNotConfigured)
            : null;

    /// <summary>
    /// A client that rotates refresh tokens refreshes only through GetTokensFromRefreshToken: the developer guide
    /// ("Refresh tokens") says REFRESH_TOKEN_AUTH cannot be used with rotation and that the flow must be turned
    /// off, so the flow is answered as one the client does not allow.
    /// </summary>
    private static AwsError? RejectRefreshWithRotation(AuthAttempt attempt) =>
        attempt.Name is AuthFlows.RefreshTokenAuth or AuthFlows.RefreshToken
        && RefreshTokenRotation.Read(attempt.ClientSettings).Enabled
            ? AwsError.InvalidParameter(AuthMessages.FlowNotEnabled(attempt.Name))
            : null;

    private static AwsError? RequireFlowParameters(AuthAttempt attempt)
    {
        string[] required = attempt.Name switch
        {
            AuthFlows.UserSrp => ["USERNAME", "SRP_A"],
            AuthFlows.UserAuth => ["USERNAME"],
            AuthFlows.CustomAuth when CustomAuthFlow.StartsWithSrp(attempt) => ["USERNAME", CustomAuthFlow.SrpA],
            AuthFlows.CustomAuth => ["USERNAME"],
            AuthFlows.RefreshTokenAuth or AuthFlows.RefreshToken => ["REFRESH_TOKEN"],
            _ => ["USERNAME", "PASSWORD"],
        };
        return Missing(attempt, required);
    }

    /// <summary>
    /// Clients with a secret must send SECRET_HASH over USERNAME. Refresh flows are checked later, against the
    /// refresh token's user (clients hash whichever name they know, protocol-notes §8).
    /// </summary>
    private static AwsError? RequireSecretHash(AuthAttempt attempt)
    {
        if (attempt.ClientSecret is not { } secret || AuthFlows.IsRefresh(attempt.Name))
        {
            return null;
        }

        if (attempt.Parameter("SECRET_HASH") is not { } presented)
        {
            return AwsError.NotAuthorized(AuthMessages.SecretHashMissing(attempt.ClientId));
        }

        return SecretHash.Matches(secret, attempt.Parameter("USERNAME") ?? "", attempt.ClientId, presented)
            ? null
            : AwsError.NotAuthorized(AuthMessages.SecretHashMismatch(attempt.ClientId));
    }

    private static AwsError? RejectUnbuiltChallenge(AuthAttempt attempt) =>
        attempt.Name is ChallengeNames.PasswordVerifier or ChallengeNames.NewPasswordRequired
            or DeviceChallengeNames.DeviceSrpAuth or DeviceChallengeNames.DevicePasswordVerifier
            or ChallengeNames.SelectChallenge or ChallengeNames.WebAuthn or ChallengeNames.CustomChallenge
        || ChallengeNames.IsMfa(attempt.Name)
            ? null
            : AwsError.UnsupportedOperation(AuthMessages.ChallengeNotBuilt(attempt.Name));

    private static AwsError? RequireChallengeResponses(AuthAttempt attempt)
    {
        string[] required = attempt.Name switch
        {
            ChallengeNames.PasswordVerifier =>
                ["USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP"],
            ChallengeNames.SmsMfa or ChallengeNames.EmailOtp or ChallengeNames.SoftwareTokenMfa
                when attempt.Parameter(MfaAnswers.RecoveryCodeParameter) is not null => ["USERNAME"],
            ChallengeNames.SmsMfa or ChallengeNames.EmailOtp or ChallengeNames.SoftwareTokenMfa or ChallengeNames.SmsOtp =>
                ["USERNAME", MfaAnswers.CodeParameter(attempt.Name)],
            ChallengeNames.SelectMfaType => ["USERNAME", "ANSWER"],
            ChallengeNames.MfaSetup => ["USERNAME"],
            DeviceChallengeNames.DeviceSrpAuth => ["USERNAME", "DEVICE_KEY", "SRP_A"],
            DeviceChallengeNames.DevicePasswordVerifier =>
                ["USERNAME", "DEVICE_KEY", "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP"],
            ChallengeNames.SelectChallenge => ["USERNAME", "ANSWER"],
            ChallengeNames.WebAuthn => ["USERNAME", "CREDENTIAL"],
            ChallengeNames.CustomChallenge => ["USERNAME", "ANSWER"],
            _ => ["USERNAME", "NEW_PASSWORD"],
        };
        return Missing(attempt, required);
    }

    private static AwsError? Missing(AuthAttempt attempt, string[] names) =>
        names.FirstOrDefault(n => attempt.Parameter(n) is null) is { } missing
            ? AwsError.InvalidParameter(AuthMessages.MissingParameter(missing))
            : null;
}
