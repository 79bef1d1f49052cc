using System.Net;
using Gatehouse.ApiTests.Sts;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Authorization;

public sealed class ForwardAuthTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string OwnPrivatePaths = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke",
        "Resource":"arn:aws:execute-api:us-east-1:000000000000:api.example.com/*/GET/private/${cognito-identity.amazonaws.com:sub}/*"}]}
        """;

    private readonly ForwardAuthClient _auth = new(factory);
    private readonly AwsQueryClient _sts = factory.CreateQueryClient();

    private async Task<(string Id, string Secret, string Token, string IdentityId, string RoleId)> CredentialsAsync(
        string policy = OwnPrivatePaths, string? sessionPolicy = null)
    {
        var (roleId, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust(), 3600, policy);
        var identityId = StsSetup.IdentityId();
        var token = await StsSetup.OpenIdTokenAsync(factory, identityId);
        var response = sessionPolicy is null
            ? await StsSetup.AssumeAsync(_sts, arn, token, "web")
            : await StsSetup.AssumeAsync(_sts, arn, token, "web", ("Policy", sessionPolicy));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var (id, secret, sessionToken) = StsSetup.CredentialsOf(response);
        return (id, secret, sessionToken, identityId, roleId);
    }

    [Fact]
    public async Task ForwardAuth_OwnPath_Returns204WithPrincipalHeaders()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        using var response = await _auth.SendAsync("GET", $"/private/{identityId}/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.StartsWith($"arn:aws:sts::{StsSetup.Account}:assumed-role/role-", response.Headers.GetValues("X-Gatehouse-Principal").Single());
        Assert.EndsWith("/web", response.Headers.GetValues("X-Gatehouse-Principal").Single());
        Assert.Equal(identityId, response.Headers.GetValues("X-Gatehouse-Identity-Id").Single());
    }

    [Fact]
    public async Task ForwardAuth_EncodedColonInPath_SameDecision()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        var status = await _auth.StatusAsync("GET", $"/private/{identityId.Replace(":", "%3A", StringComparison.Ordinal)}/x?b=2&a=1", (id, secret, token));

        Assert.Equal(HttpStatusCode.NoContent, status);
    }

    [Fact]
    public async Task ForwardAuth_OtherIdentitysPath_Returns403()
    {
        var (id, secret, token, _, _) = await CredentialsAsync();

        var status = await _auth.StatusAsync("GET", $"/private/{StsSetup.IdentityId()}/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ForwardAuth_MethodNotAllowed_Returns403()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        var status = await _auth.StatusAsync("DELETE", $"/private/{identityId}/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData("/private/{0}/../{1}/x")]
    [InlineData("/private/{0}/./x")]
    [InlineData("/private/{0}/a%2Fb")]
    [InlineData("/private/{0}//x")]
    public async Task ForwardAuth_PathNotInNormalForm_Returns403(string template)
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        var status = await _auth.StatusAsync("GET", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, identityId, StsSetup.IdentityId()), (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ForwardAuth_NoSignature_Returns401()
    {
        var status = await _auth.StatusAsync("GET", "/private/x/y", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task ForwardAuth_AdminKey_Returns401()
    {
        var status = await _auth.StatusAsync("GET", "/private/x/y", (GatehouseFactory.AccessKeyId, GatehouseFactory.SecretAccessKey, null));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task ForwardAuth_TamperedSessionToken_Returns401()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var status = await _auth.StatusAsync("GET", $"/private/{identityId}/x", (id, secret, tampered));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Trait("SecurityRowPart", "59")]
    [Fact]
    public async Task ForwardAuth_SignedForAnotherUri_Returns401()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        using var response = await _auth.SendAsync("GET", $"/private/{identityId}/x", (id, secret, token),
            signedUri: $"/private/{identityId}/y");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ForwardAuth_CredentialExpiry_AllowedOneSecondBeforeForbiddenAt()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(3599));
        var before = await _auth.StatusAsync("GET", $"/private/{identityId}/x", (id, secret, token));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await _auth.StatusAsync("GET", $"/private/{identityId}/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.NoContent, before);
        Assert.Equal(HttpStatusCode.Forbidden, at);
    }

    [Fact]
    public async Task ForwardAuth_SessionPolicyNarrower_Returns403()
    {
        const string onlyPublic = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:*/*/GET/public/*"}]}""";
        var (id, secret, token, identityId, _) = await CredentialsAsync(sessionPolicy: onlyPublic);

        var status = await _auth.StatusAsync("GET", $"/private/{identityId}/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task ForwardAuth_ExplicitDeny_Returns403()
    {
        const string allowAllDenyAdmin = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
            {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:*/*/*/admin/*"}]}
            """;
        var (id, secret, token, _, _) = await CredentialsAsync(allowAllDenyAdmin);

        var allowed = await _auth.StatusAsync("GET", "/anything/x", (id, secret, token));
        var denied = await _auth.StatusAsync("GET", "/admin/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.NoContent, allowed);
        Assert.Equal(HttpStatusCode.Forbidden, denied);
    }

    [Fact]
    public async Task ForwardAuth_ProxyNamesActionAndResource_DecidesOnThose()
    {
        const string readItems = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"items:Read","Resource":"arn:aws:app:::items/GET/*"}]}""";
        var (id, secret, token, _, _) = await CredentialsAsync(readItems);
        void Named(HttpRequestMessage r)
        {
            r.Headers.TryAddWithoutValidation("X-Gatehouse-Action", "items:Read");
            r.Headers.TryAddWithoutValidation("X-Gatehouse-Resource", "arn:aws:app:::items/{method}/{path}");
        }

        var named = await _auth.StatusAsync("GET", "/items/1", (id, secret, token), Named);
        var defaults = await _auth.StatusAsync("GET", "/items/1", (id, secret, token));

        Assert.Equal(HttpStatusCode.NoContent, named);
        Assert.Equal(HttpStatusCode.Forbidden, defaults);
    }

    [Fact]
    public async Task ForwardAuth_SourceIpCondition_UsesProxyHeader()
    {
        const string fromOffice = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*",
            "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}
            """;
        var (id, secret, token, _, _) = await CredentialsAsync(fromOffice);

        var office = await _auth.StatusAsync("GET", "/x", (id, secret, token), r => r.Headers.TryAddWithoutValidation("X-Real-IP", "203.0.113.9"));
        var elsewhere = await _auth.StatusAsync("GET", "/x", (id, secret, token), r => r.Headers.TryAddWithoutValidation("X-Real-IP", "198.51.100.1"));

        Assert.Equal(HttpStatusCode.NoContent, office);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere);
    }

    [Fact]
    public async Task ForwardAuth_PolicyAddedLater_SeenAfterCacheLifetime()
    {
        var (id, secret, token, _, roleId) = await CredentialsAsync("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        var first = await _auth.StatusAsync("GET", "/late/x", (id, secret, token));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.IamRolePolicies.Add(new IamRolePolicy
            {
                RoleId = roleId,
                PolicyName = "late",
                Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}""",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var cached = await _auth.StatusAsync("GET", "/late/x", (id, secret, token));
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var fresh = await _auth.StatusAsync("GET", "/late/x", (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, first);
        Assert.Equal(HttpStatusCode.Forbidden, cached);
        Assert.Equal(HttpStatusCode.NoContent, fresh);
    }

    [Fact]
    public async Task ForwardAuth_WithAmzTargetHeader_IsNotTakenForAnAwsCall()
    {
        var (id, secret, token, identityId, _) = await CredentialsAsync();

        var status = await _auth.StatusAsync("GET", $"/private/{identityId}/x", (id, secret, token),
            r => r.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools"));

        Assert.Equal(HttpStatusCode.NoContent, status);
    }
}
