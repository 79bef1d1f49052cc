using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// One InitiateAuth / RespondToAuthChallenge request (admin or not) as the checks see it: the flow or challenge
/// name, the client id, the pool id of the admin operations, the AuthParameters / ChallengeResponses, the Session,
/// and what the checks load on the way (pool, client and their settings).
/// </summary>
internal sealed class AuthAttempt
{
    private AppClient? _client;
    private PoolSettings? _pool;
    private UserPoolClientType? _clientSettings;

    /// <summary>AuthFlow of InitiateAuth, ChallengeName of RespondToAuthChallenge.</summary>
    public required string Name { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Set by the admin operations (AdminInitiateAuth, AdminRespondToAuthChallenge) only.</summary>
    public string? UserPoolId { get; init; }

    public bool Admin => UserPoolId is not null;

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public string? Session { get; init; }

    /// <summary>
    /// The request's ClientMetadata, for the Lambda triggers. InitiateAuth's reaches only pre sign-up, pre
    /// authentication and user migration (model docs of InitiateAuth), so CUSTOM_AUTH passes on only the respond
    /// operations' (Auth/CustomAuthTriggers).
    /// </summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }

    /// <summary>
    /// Set by a first factor that already proves possession (a passkey, a code sent to the user): MFA is not asked
    /// again, unless the pool asks for both.
    /// </summary>
    public bool FirstFactorSatisfiesMfa { get; set; }

    public AppClient Client => _client ?? throw new InvalidOperationException("RejectUnknownClient has not run.");

    public PoolSettings Pool => _pool ?? throw new InvalidOperationException("RejectUnknownClient has not run.");

    public UserPoolClientType ClientSettings =>
        _clientSettings ?? throw new InvalidOperationException("RejectUnknownClient has not run.");

    /// <summary>The client's secret in clear, when it has one.</summary>
    public string? ClientSecret { get; private set; }

    /// <summary>PreventUserExistenceErrors ENABLED: unknown users must look like wrong passwords.</summary>
    public bool HidesUserExistence =>
        string.Equals(ClientSettings.PreventUserExistenceErrors, "ENABLED", StringComparison.Ordinal);

    public string? Parameter(string name) =>
        // A JSON null value arrives as null (amazon-cognito-identity-js sends "DEVICE_KEY": null).
        Parameters.TryGetValue(name, out var value) && value is { Length: > 0 } ? value : null;

    public void Loaded(PoolSettings pool, AppClient client, UserPoolClientType settings, string? secret)
    {
        _pool = pool;
        _client = client;
        _clientSettings = settings;
        ClientSecret = secret;
    }
}
