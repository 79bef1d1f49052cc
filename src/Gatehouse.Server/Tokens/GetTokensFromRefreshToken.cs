using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// GetTokensFromRefreshToken: new ID and access tokens from a refresh token, and a new refresh token when the
/// client rotates them (the old one then works only for RetryGracePeriodSeconds; later use is
/// RefreshTokenReuseException). Clients with a secret send it as <c>ClientSecret</c>.
/// </summary>
internal sealed partial class GetTokensFromRefreshToken(
    AppDb db, SecretProtector protector, RefreshTokenRedemption redemption)
    : IAwsHandler<GetTokensFromRefreshTokenRequest>
{
    public async Task<AwsResult> HandleAsync(GetTokensFromRefreshTokenRequest request, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        // Validate above guarantees both members.
        var clientId = request.ClientId!;
        if (await db.FindClientAsync(clientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(TokensMessages.ClientNotFound(clientId));
        }

        if (!ClientSecretMatches(AppClientSecret.Reveal(protector, client), request.ClientSecret))
        {
            return AwsError.NotAuthorized(TokensMessages.InvalidClientSecret);
        }

        var (token, user, error) = await redemption.ResolveAsync(client, request.RefreshToken!, ct);
        if (error is not null)
        {
            return error;
        }

        // ResolveAsync returns a token and a user whenever it returns no error.
        var result = await redemption.RedeemAsync(client, token!, user!,
            AwsError.RefreshTokenReuse(TokensMessages.RefreshTokenReused), ct);
        return RefreshTokenRedemption.ResultOf(result) is { } tokens
            ? AwsResult.Ok(new GetTokensFromRefreshTokenResponse { AuthenticationResult = tokens })
            : result;
    }

    /// <summary>A client without a secret needs none; one with a secret needs it, compared in constant time.</summary>
    public static bool ClientSecretMatches(string? secret, string? presented) =>
        secret is null
        || (presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented)));

    /// <summary>The model's constraints of these members (ClientIdType, TokenModelType, ClientSecretType).</summary>
    private static AwsError? Validate(GetTokensFromRefreshTokenRequest request)
    {
        var violations = new List<string>();
        if (request.RefreshToken is null)
        {
            violations.Add("Value null at 'refreshToken' failed to satisfy constraint: Member must not be null");
        }
        else if (!TokenPattern().IsMatch(request.RefreshToken))
        {
            violations.Add("Value at 'refreshToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+");
        }

        if (request.ClientId is null)
        {
            violations.Add("Value null at 'clientId' failed to satisfy constraint: Member must not be null");
        }
        else if (request.ClientId.Length is < 1 or > 128 || !WordPattern().IsMatch(request.ClientId))
        {
            violations.Add("Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
        }

        if (request.ClientSecret is { } secret && (secret.Length is < 1 or > 64 || !WordPattern().IsMatch(secret)))
        {
            violations.Add("Value at 'clientSecret' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
        }

        return violations.Count == 0
            ? null
            : AwsError.InvalidParameter(
                $"{violations.Count} validation error{(violations.Count == 1 ? "" : "s")} detected: {string.Join("; ", violations)}");
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_=.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[\w+]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
