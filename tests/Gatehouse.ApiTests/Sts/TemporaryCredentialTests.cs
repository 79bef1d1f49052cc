using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Sts;

public sealed class TemporaryCredentialTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _sts = factory.CreateQueryClient();

    private async Task<(string Id, string Secret, string Token, string RoleId, string RoleName)> AssumeAsync(string session = "s1")
    {
        var (roleId, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var response = await StsSetup.AssumeAsync(_sts, arn, await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId()), session);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var (id, secret, token) = StsSetup.CredentialsOf(response);
        return (id, secret, token, roleId, arn.Split('/')[^1]);
    }

    private Task<AwsQueryResponse> CallerAsync((string, string, string?)? credentials = null) =>
        _sts.SendAsync("sts", AwsQueryClient.StsVersion, "GetCallerIdentity", [], credentials: credentials);

    [Fact]
    public async Task GetCallerIdentity_AdminKey_ReturnsAccountRoot()
    {
        var response = await CallerAsync();

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("GetCallerIdentityResult", response.Xml.Root!.Elements().First().Name.LocalName);
        Assert.Equal($"arn:aws:iam::{StsSetup.Account}:root", response.Value("Arn"));
        Assert.Equal(StsSetup.Account, response.Value("UserId"));
        Assert.Equal(StsSetup.Account, response.Value("Account"));
    }

    [Fact]
    public async Task GetCallerIdentity_TemporaryCredentials_ReturnsAssumedRole()
    {
        var (id, secret, token, roleId, roleName) = await AssumeAsync("caller");

        var response = await CallerAsync((id, secret, token));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal($"arn:aws:sts::{StsSetup.Account}:assumed-role/{roleName}/caller", response.Value("Arn"));
        Assert.Equal($"{roleId}:caller", response.Value("UserId"));
        Assert.Equal(StsSetup.Account, response.Value("Account"));
    }

    [Fact]
    public async Task GetCallerIdentity_TemporaryKeyWithoutToken_ReturnsInvalidClientTokenId()
    {
        var (id, secret, _, _, _) = await AssumeAsync();

        var response = await CallerAsync((id, secret, null));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("InvalidClientTokenId", response.ErrorCode);
    }

    [Trait("SecurityRowPart", "62")]
    [Fact]
    public async Task GetCallerIdentity_TamperedToken_ReturnsInvalidClientTokenId()
    {
        var (id, secret, token, _, _) = await AssumeAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var response = await CallerAsync((id, secret, tampered));

        Assert.Equal("InvalidClientTokenId", response.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_TokenOfOtherKey_ReturnsInvalidClientTokenId()
    {
        var (id, secret, _, _, _) = await AssumeAsync();
        var (_, _, otherToken, _, _) = await AssumeAsync();

        var response = await CallerAsync((id, secret, otherToken));

        Assert.Equal("InvalidClientTokenId", response.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_WrongSecret_ReturnsSignatureMismatch()
    {
        var (id, _, token, _, _) = await AssumeAsync();

        var response = await CallerAsync((id, "wrong/secret/wrong/secret/wrong/secret/00", token));

        Assert.Equal("SignatureDoesNotMatch", response.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_CredentialExpiry_ValidOneSecondBeforeExpiredAt()
    {
        var (id, secret, token, _, _) = await AssumeAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(3599));
        var before = await CallerAsync((id, secret, token));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await CallerAsync((id, secret, token));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Forbidden, at.Status);
        Assert.Equal("ExpiredToken", at.ErrorCode);
        Assert.Equal("The security token included in the request is expired", at.Message);
    }

    [Fact]
    public async Task IamOperation_TemporaryCredentials_ReturnsAccessDenied()
    {
        var (id, secret, token, _, roleName) = await AssumeAsync("iam");

        var response = await _sts.SendAsync("iam", AwsQueryClient.IamVersion, "ListRoles", [], credentials: (id, secret, token));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("AccessDenied", response.ErrorCode);
        Assert.Equal($"User: arn:aws:sts::{StsSetup.Account}:assumed-role/{roleName}/iam is not authorized to perform: iam:ListRoles",
            response.Message);
    }

    [Trait("SecurityRowPart", "64")]
    [Fact]
    public async Task UserPoolOperation_TemporaryCredentials_ReturnsAccessDeniedException()
    {
        var (id, secret, token, _, _) = await AssumeAsync();
        var cognito = new AwsApiClient(factory.CreateClient(), factory.Clock, id, secret);

        var response = await cognito.SendAsync("ListUserPools", """{"MaxResults":10}""",
            tamper: r => r.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("AccessDeniedException", response.ErrorType);
        Assert.EndsWith("is not authorized to perform: cognito-idp:ListUserPools", response.Message);
    }

    [Trait("SecurityRowPart", "62")]
    [Fact]
    public async Task UserPoolOperation_ExpiredTemporaryCredentials_ReturnsExpiredTokenException()
    {
        var (id, secret, token, _, _) = await AssumeAsync();
        var cognito = new AwsApiClient(factory.CreateClient(), factory.Clock, id, secret);
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var response = await cognito.SendAsync("ListUserPools", """{"MaxResults":10}""",
            tamper: r => r.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token));

        Assert.Equal("ExpiredTokenException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "62")]
    [Fact]
    public async Task UserPoolOperation_TemporaryKeyWithoutToken_ReturnsUnrecognizedClient()
    {
        var (id, secret, _, _, _) = await AssumeAsync();
        var cognito = new AwsApiClient(factory.CreateClient(), factory.Clock, id, secret);

        var response = await cognito.SendAsync("ListUserPools", """{"MaxResults":10}""");

        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }
}
