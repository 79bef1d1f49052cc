using System.Globalization;
using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Sts;

public sealed class AssumeRoleWithWebIdentityTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _sts = factory.CreateQueryClient();

    [Fact]
    public async Task AssumeRoleWithWebIdentity_IdentityPoolToken_ReturnsCredentialsAndAssumedRole()
    {
        var (roleId, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var identityId = StsSetup.IdentityId();
        var token = await StsSetup.OpenIdTokenAsync(factory, identityId);

        var response = await StsSetup.AssumeAsync(_sts, arn, token, "app1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = response.Xml.Root!.Elements().First();
        Assert.Equal("AssumeRoleWithWebIdentityResult", result.Name.LocalName);
        Assert.Equal("https://sts.amazonaws.com/doc/2011-06-15/", result.Name.NamespaceName);
        Assert.StartsWith("ASIA", response.Value("AccessKeyId"));
        Assert.Equal(20, response.Value("AccessKeyId")!.Length);
        Assert.Equal(40, response.Value("SecretAccessKey")!.Length);
        Assert.False(string.IsNullOrEmpty(response.Value("SessionToken")));
        var expiration = DateTimeOffset.Parse(response.Value("Expiration")!, CultureInfo.InvariantCulture);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds() + 3600, expiration.ToUnixTimeSeconds());
        Assert.Equal(identityId, response.Value("SubjectFromWebIdentityToken"));
        Assert.Equal($"{roleId}:app1", response.Value("AssumedRoleId"));
        Assert.Equal($"arn:aws:sts::{StsSetup.Account}:assumed-role/{arn.Split('/')[^1]}/app1", response.Value("Arn"));
        Assert.Equal("cognito-identity.amazonaws.com", response.Value("Provider"));
        Assert.Equal(StsSetup.IdentityPoolId, response.Value("Audience"));
        Assert.Null(response.Value("PackedPolicySize"));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_Signed_IsAcceptedToo()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await _sts.StsAsync("AssumeRoleWithWebIdentity",
            ("RoleArn", arn), ("RoleSessionName", "signed"), ("WebIdentityToken", token), ("DurationSeconds", "900"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var expiration = DateTimeOffset.Parse(response.Value("Expiration")!, CultureInfo.InvariantCulture);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds() + 900, expiration.ToUnixTimeSeconds());
    }

    [Trait("SecurityRow", "67")]
    [Fact]
    public async Task AssumeRoleWithWebIdentity_AudienceNotTrusted_ReturnsAccessDenied()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust(aud: "us-east-1:other"));
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, arn, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("AccessDenied", response.ErrorCode);
        Assert.Equal("Not authorized to perform sts:AssumeRoleWithWebIdentity", response.Message);
        Assert.Equal("Sender", response.Value("Type"));
    }

    [Trait("SecurityRow", "67")]
    [Fact]
    public async Task AssumeRoleWithWebIdentity_UnauthenticatedAmrOnAuthenticatedRole_ReturnsAccessDenied()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId(), ["unauthenticated"]);

        var response = await StsSetup.AssumeAsync(_sts, arn, token);

        Assert.Equal("AccessDenied", response.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_UnknownRole_ReturnsSameAccessDenied()
    {
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, $"arn:aws:iam::{StsSetup.Account}:role/NoSuchRole", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("AccessDenied", response.ErrorCode);
        Assert.Equal("Not authorized to perform sts:AssumeRoleWithWebIdentity", response.Message);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_TokenExpiry_ValidOneSecondBeforeExpiredAt()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        factory.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var before = await StsSetup.AssumeAsync(_sts, arn, token);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await StsSetup.AssumeAsync(_sts, arn, token);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.BadRequest, at.Status);
        Assert.Equal("ExpiredTokenException", at.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_TamperedToken_ReturnsInvalidIdentityToken()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";

        var response = await StsSetup.AssumeAsync(_sts, arn, tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidIdentityToken", response.ErrorCode);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task AssumeRoleWithWebIdentity_NotAVerifiableJwt_ReturnsInvalidIdentityToken(string token)
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());

        var response = await StsSetup.AssumeAsync(_sts, arn, token);

        Assert.Equal("InvalidIdentityToken", response.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_UnknownIssuer_ReturnsInvalidIdentityToken()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId(), issuer: "https://idp.example.com");

        var response = await StsSetup.AssumeAsync(_sts, arn, token);

        Assert.Equal("InvalidIdentityToken", response.ErrorCode);
        Assert.Equal("No OpenIDConnect provider found in your account for https://idp.example.com", response.Message);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_ProviderIdWithOidcToken_ReturnsInvalidParameterValue()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, arn, token, "app1", ("ProviderId", "www.amazon.com"));

        Assert.Equal("InvalidParameterValue", response.ErrorCode);
    }

    [Trait("SecurityRow", "68")]
    [Fact]
    public async Task AssumeRoleWithWebIdentity_DurationAboveRoleMax_ReturnsValidationError()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust(), maxSessionDuration: 3600);
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, arn, token, "app1", ("DurationSeconds", "3601"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Equal("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", response.Message);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_MalformedSessionPolicy_ReturnsMalformedPolicyDocument()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, arn, token, "app1", ("Policy", "{\"Version\":"));

        Assert.Equal("MalformedPolicyDocument", response.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_SessionPolicy_ReturnsPackedPolicySize()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}""";

        var response = await StsSetup.AssumeAsync(_sts, arn, token, "app1", ("Policy", policy));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("5", response.Value("PackedPolicySize"));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_UserPoolIdTokenOfOidcProvider_ReturnsCredentials()
    {
        var cognito = factory.CreateAwsClient();
        var (poolId, clientId, _) = await cognito.PoolAndClientAsync();
        await cognito.CreateUserAsync(poolId, "alice");
        var auth = await cognito.PasswordAuthAsync(clientId, "alice", AuthSetup.Password);
        var idToken = auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
        var hostPath = $"localhost/{poolId}";
        await StsSetup.AddOidcProviderAsync(factory, hostPath, clientId);
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.OidcTrust(hostPath, clientId));

        var response = await StsSetup.AssumeAsync(_sts, arn, idToken, "alice");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal($"http://{hostPath}", response.Value("Provider"));
        Assert.Equal(clientId, response.Value("Audience"));
        Assert.StartsWith("ASIA", response.Value("AccessKeyId"));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_OidcTokenForOtherClient_ReturnsInvalidIdentityToken()
    {
        var cognito = factory.CreateAwsClient();
        var (poolId, clientId, _) = await cognito.PoolAndClientAsync();
        await cognito.CreateUserAsync(poolId, "bob");
        var auth = await cognito.PasswordAuthAsync(clientId, "bob", AuthSetup.Password);
        await StsSetup.AddOidcProviderAsync(factory, $"localhost/{poolId}", "some-other-client");
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());

        var response = await StsSetup.AssumeAsync(_sts, arn, auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>());

        Assert.Equal("InvalidIdentityToken", response.ErrorCode);
        Assert.Equal("Incorrect token audience", response.Message);
    }
}
