using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.Tokens;

namespace Gatehouse.UnitTests.Tokens;

public sealed class TokenClaimSetsTests
{
    private static readonly DateTimeOffset AuthTime = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly DateTimeOffset Now = AuthTime.AddMinutes(5);

    private static readonly TokenGrant Grant = new("https://h/us-east-1_abc", "client1", AuthTime, Now, "origin", "event");

    private static TokenSubject Subject(params string[] groups) => new("sub-1", "alice",
        new Dictionary<string, string>
        {
            ["sub"] = "sub-1",
            ["email"] = "a@example.com",
            ["email_verified"] = "true",
            ["phone_number_verified"] = "false",
            ["updated_at"] = "1700000000",
            ["custom:tier"] = "7",
        },
        groups);

    [Trait("SecurityRowPart", "22")]
    [Fact]
    public void IdToken_ClaimSet_ExactKeysAndTypes()
    {
        var claims = JsonNode.Parse(TokenClaimSets.IdToken(Subject("g1"), Grant, TimeSpan.FromHours(1), null, "jti-1"))!.AsObject();

        Assert.Equal(
            ["aud", "auth_time", "cognito:groups", "cognito:username", "custom:tier", "email", "email_verified", "event_id",
                "exp", "iat", "iss", "jti", "origin_jti", "phone_number_verified", "sub", "token_use", "updated_at"],
            claims.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.True, claims["email_verified"]!.GetValueKind());
        Assert.Equal(JsonValueKind.False, claims["phone_number_verified"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, claims["updated_at"]!.GetValueKind());
        Assert.Equal("7", claims["custom:tier"]!.GetValue<string>());
        Assert.Equal(AuthTime.ToUnixTimeSeconds(), claims["auth_time"]!.GetValue<long>());
        Assert.Equal(Now.ToUnixTimeSeconds(), claims["iat"]!.GetValue<long>());
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds(), claims["exp"]!.GetValue<long>());
        Assert.Equal("client1", claims["aud"]!.GetValue<string>());
    }

    [Fact]
    public void IdToken_NoGroupsAndReadAttributes_GroupsOmittedAttributesFiltered()
    {
        var claims = JsonNode.Parse(TokenClaimSets.IdToken(Subject(), Grant, TimeSpan.FromHours(1), ["email"], "j"))!.AsObject();

        Assert.Null(claims["cognito:groups"]);
        Assert.NotNull(claims["email"]);
        Assert.Null(claims["email_verified"]);
        Assert.Null(claims["custom:tier"]);
    }

    [Fact]
    public void IdToken_GroupsWithRoles_CarryCognitoRolesAndPreferredRole_AccessTokenDoesNot()
    {
        var subject = Subject("admins", "readers") with
        {
            Roles = ["arn:aws:iam::000000000000:role/admins", "arn:aws:iam::000000000000:role/readers"],
            PreferredRole = "arn:aws:iam::000000000000:role/admins",
        };

        var id = JsonNode.Parse(TokenClaimSets.IdToken(subject, Grant, TimeSpan.FromHours(1), null, "j"))!.AsObject();
        var access = JsonNode.Parse(TokenClaimSets.AccessToken(subject, Grant, TimeSpan.FromHours(1), "j", "openid"))!.AsObject();

        Assert.Equal(subject.Roles, id["cognito:roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(subject.PreferredRole, id["cognito:preferred_role"]!.GetValue<string>());
        Assert.Null(access["cognito:roles"]);
        Assert.Null(access["cognito:preferred_role"]);
    }

    [Trait("SecurityRowPart", "22")]
    [Fact]
    public void AccessToken_ClaimSet_ExactKeys()
    {
        var claims = JsonNode.Parse(TokenClaimSets.AccessToken(Subject("g1", "g2"), Grant, TimeSpan.FromMinutes(5), "jti-2"))!.AsObject();

        Assert.Equal(
            ["auth_time", "client_id", "cognito:groups", "event_id", "exp", "iat", "iss", "jti", "origin_jti", "scope", "sub",
                "token_use", "username", "version"],
            claims.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("access", claims["token_use"]!.GetValue<string>());
        Assert.Equal("alice", claims["username"]!.GetValue<string>());
        Assert.Equal(2, claims["version"]!.GetValue<int>());
        Assert.Equal(["g1", "g2"], claims["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()));
    }
}
