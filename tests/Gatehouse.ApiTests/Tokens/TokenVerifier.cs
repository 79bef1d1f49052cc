using System.Text.Json.Nodes;
using Gatehouse.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ApiTests.Tokens;

/// <summary>Verifies tokens as a resource server would: keys from the pool's JWKS endpoint, Microsoft.IdentityModel.</summary>
internal static class TokenVerifier
{
    public static async Task<JsonWebKeySet> JwksAsync(AwsApiClient client, string poolId) =>
        new(await client.Http.GetStringAsync($"/{poolId}/.well-known/jwks.json", TestContext.Current.CancellationToken));

    public static async Task<JsonWebToken> VerifyAsync(
        AwsApiClient client, string poolId, string token, DateTimeOffset now, string? audience = null)
    {
        var jwks = await JwksAsync(client, poolId);
        var issuer = $"{client.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)}/{poolId}";
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidateAudience = audience is not null,
            LifetimeValidator = (notBefore, expires, _, _) => expires > now.UtcDateTime,
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        return (JsonWebToken)result.SecurityToken;
    }

    public static JsonObject Payload(string token)
    {
        var part = token.Split('.')[1];
        return JsonNode.Parse(Base64UrlEncoder.Decode(part))!.AsObject();
    }

    public static JsonObject Header(string token) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[0]))!.AsObject();
}
