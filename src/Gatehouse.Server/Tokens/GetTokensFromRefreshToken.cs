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
            violations.Add(NullViolation("refreshToken"));
        }
        else if (!TokenPattern().IsMatch(request.RefreshToken))
        {
            violations.Add(PatternViolation("refreshToken", "[A-Za-z0-9-_=.]+"));
        }

        if (request.ClientId is null)
        {
            violations.Add(NullViolation("clientId"));
        }
        else if (request.ClientId.Length is < 1 or > 128 || !WordPattern().IsMatch(request.ClientId))
        {
            violations.Add(PatternViolation("clientId", @"[\w+]+"));
        }

        if (request.ClientSecret is { } secret && (secret.Length is < 1 or > 64 || !WordPattern().IsMatch(secret)))
        {
            violations.Add(PatternViolation("clientSecret", @"[\w+]+"));
        }

        var noun = violations.Count == 1 ? "error" : "errors";
        return violations.Count == 0
            ? null
            : AwsError.InvalidParameter($"{violations.Count} validation {noun} detected: {string.Join("; ", violations)}");
    }

    // Worded as the model validator words them; values are sensitive and never echoed.
    private static string NullViolation(string member) =>
        $"Value null at '{member}' failed to satisfy constraint: Member must not be null";

    private static string PatternViolation(string member, string pattern) =>
        $"Value at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}";

    [GeneratedRegex(@"^[A-Za-z0-9\-_=.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[\w+]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
