using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.ApiTests.Sts;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Authorization;

public sealed class DecideTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Policy = """
        {"Version":"2012-10-17","Statement":[{"Sid":"own","Effect":"Allow","Action":"s3:GetObject",
        "Resource":"arn:aws:s3:::bucket/${cognito-identity.amazonaws.com:sub}/*"},
        {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/secret/*"}]}
        """;

    private static readonly string[] U1 = ["u1"];

    private readonly HttpClient _http = factory.CreateClient();
    private readonly AwsQueryClient _sts = factory.CreateQueryClient();

    private async Task<(HttpStatusCode Status, JsonObject Body)> DecideAsync(
        object body, string id = GatehouseFactory.AccessKeyId, string secret = GatehouseFactory.SecretAccessKey,
        string? token = null, bool sign = true)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/authorization/decide") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            var amzDate = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
            var headers = new List<KeyValuePair<string, string>> { new("host", "localhost"), new("x-amz-date", amzDate) };
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
                headers.Add(new("x-amz-security-token", token));
            }

            var canonical = SigV4Signature.CanonicalRequest("POST", "/authorization/decide", "", headers, SigV4Signature.HexSha256(bytes));
            var scope = $"{amzDate[..8]}/us-east-1/gatehouse/aws4_request";
            var signature = SigV4Signature.Signature(SigV4Signature.SigningKey(secret, amzDate[..8], "us-east-1", "gatehouse"),
                SigV4Signature.StringToSign(amzDate, scope, canonical));
            request.Headers.TryAddWithoutValidation("Authorization",
                $"{SigV4Signature.Algorithm} Credential={id}/{scope}, SignedHeaders={string.Join(';', headers.Select(h => h.Key))}, Signature={signature}");
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    private async Task<(string Id, string Secret, string Token, string IdentityId, string RoleArn)> SessionAsync()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust(), 3600, Policy);
        var identityId = StsSetup.IdentityId();
        var response = await StsSetup.AssumeAsync(_sts, arn, await StsSetup.OpenIdTokenAsync(factory, identityId), "decide");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var (id, secret, token) = StsSetup.CredentialsOf(response);
        return (id, secret, token, identityId, arn);
    }

    [Fact]
    public async Task Decide_SessionTokenOwnObject_AllowMatchedByPolicyName()
    {
        var (_, _, token, identityId, _) = await SessionAsync();

        var (status, body) = await DecideAsync(new { Action = "s3:GetObject", Resource = $"arn:aws:s3:::bucket/{identityId}/a.txt", SessionToken = token });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Allow", body["Decision"]!.GetValue<string>());
        Assert.Equal("p0", body["MatchedBy"]!.GetValue<string>());
        Assert.EndsWith("/decide", body["Principal"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_SessionTokenOtherObject_ImplicitDeny()
    {
        var (_, _, token, _, _) = await SessionAsync();

        var (status, body) = await DecideAsync(new { Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/other/a.txt", SessionToken = token });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ImplicitDeny", body["Decision"]!.GetValue<string>());
        Assert.Null(body["MatchedBy"]);
    }

    [Fact]
    public async Task Decide_RoleArnWithContext_ExplicitDenyAndAllow()
    {
        var (_, _, _, _, arn) = await SessionAsync();

        var (_, denied) = await DecideAsync(new
        {
            Action = "s3:GetObject",
            Resource = "arn:aws:s3:::bucket/secret/x",
            RoleArn = arn,
            Context = new Dictionary<string, object> { ["cognito-identity.amazonaws.com:sub"] = "secret" }
        });
        var (_, allowed) = await DecideAsync(new
        {
            Action = "s3:GetObject",
            Resource = "arn:aws:s3:::bucket/u1/x",
            RoleArn = arn,
            Context = new Dictionary<string, object> { ["cognito-identity.amazonaws.com:sub"] = U1 }
        });

        Assert.Equal("ExplicitDeny", denied["Decision"]!.GetValue<string>());
        Assert.Equal("Allow", allowed["Decision"]!.GetValue<string>());
        Assert.Equal(arn, allowed["Principal"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_Unsigned_ReturnsMissingAuthenticationToken()
    {
        var (status, body) = await DecideAsync(new { Action = "a:b", Resource = "*", RoleArn = "x" }, sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingAuthenticationTokenException", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_SignedWithTemporaryCredentials_ReturnsAccessDenied()
    {
        var (id, secret, token, _, arn) = await SessionAsync();

        var (_, body) = await DecideAsync(new { Action = "a:b", Resource = "*", RoleArn = arn }, id, secret, token);

        Assert.Equal("AccessDeniedException", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_BothPrincipals_ReturnsValidationError()
    {
        var (_, _, token, _, arn) = await SessionAsync();

        var (status, body) = await DecideAsync(new { Action = "a:b", Resource = "*", RoleArn = arn, SessionToken = token });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_UnknownRole_ReturnsNoSuchEntity()
    {
        var (status, body) = await DecideAsync(new { Action = "a:b", Resource = "*", RoleArn = $"arn:aws:iam::{StsSetup.Account}:role/Nope" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("NoSuchEntity", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_ExpiredSession_ReturnsExpiredToken()
    {
        var (_, _, token, identityId, _) = await SessionAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var (status, body) = await DecideAsync(new { Action = "s3:GetObject", Resource = $"arn:aws:s3:::bucket/{identityId}/a", SessionToken = token });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ExpiredToken", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_MalformedJson_ReturnsSerializationException()
    {
        var (status, body) = await DecideAsync("not an object");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("SerializationException", body["__type"]!.GetValue<string>());
    }
}
