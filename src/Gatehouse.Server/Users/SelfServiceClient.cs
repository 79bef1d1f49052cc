using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// The app client an unsigned self-service request names by <c>ClientId</c>, with its settings and its pool's.
/// Such requests authenticate by the client id, plus <c>SecretHash</c> when the client has a secret.
/// </summary>
internal sealed record SelfServiceClient(AppClient Client, UserPoolClientType Settings, PoolSettings Pool)
{
    /// <summary>PreventUserExistenceErrors = ENABLED (the API default is LEGACY).</summary>
    public bool HidesUserExistence =>
        string.Equals(Settings.PreventUserExistenceErrors, "ENABLED", StringComparison.Ordinal);

    /// <summary>The client and its pool, or null when no client has that id.</summary>
    public static async Task<SelfServiceClient?> LoadAsync(AppDb db, string clientId, CancellationToken ct)
    {
        if (await db.FindClientAsync(clientId, ct) is not { } client
            || await PoolSettings.LoadAsync(db, client.PoolId, ct) is not { } pool)
        {
            return null;
        }

        return new SelfServiceClient(client, UserPoolSettings.ReadClient(client), pool);
    }

    /// <summary>
    /// A client with a secret needs <c>SecretHash</c> = Base64(HMAC-SHA256(secret, username ‖ clientId)) over the
    /// Username exactly as the request gives it (NotAuthorizedException otherwise, with Cognito's two messages).
    /// </summary>
    public AwsError? CheckSecretHash(SecretProtector protector, string username, string? secretHash)
    {
        if (AppClientSecret.Reveal(protector, Client) is not { } secret)
        {
            return null;
        }

        if (string.IsNullOrEmpty(secretHash))
        {
            return AwsError.NotAuthorized(SelfServiceMessages.SecretHashMissing(Client.ClientId));
        }

        return SecretHash.Matches(secret, username, Client.ClientId, secretHash)
            ? null
            : AwsError.NotAuthorized(SelfServiceMessages.SecretHashWrong(Client.ClientId));
    }

    /// <summary>
    /// Attributes the client may not write: those outside its <c>WriteAttributes</c>; without that list, the
    /// <c>*_verified</c> flags, which only verification or an administrator sets.
    /// </summary>
    public AwsError? CheckWritable(IReadOnlyList<AttributeType>? attributes)
    {
        foreach (var attribute in attributes ?? [])
        {
            var allowed = Settings.WriteAttributes is { } write
                ? write.Contains(attribute.Name, StringComparer.Ordinal)
                : attribute.Name is not (UserAttributeNames.EmailVerified or UserAttributeNames.PhoneNumberVerified);
            if (!allowed)
            {
                return AwsError.NotAuthorized(SelfServiceMessages.UnauthorizedAttribute);
            }
        }

        return null;
    }
}
