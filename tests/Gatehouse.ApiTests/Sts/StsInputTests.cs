using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Sts;

public sealed class StsInputTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _sts = factory.CreateQueryClient();

    [Theory]
    [InlineData("RoleSessionName", "bad name!")]
    [InlineData("RoleSessionName", "a")]
    [InlineData("DurationSeconds", "899")]
    [InlineData("DurationSeconds", "43201")]
    [InlineData("WebIdentityToken", "abc")]
    public async Task AssumeRoleWithWebIdentity_ConstraintViolated_Returns400AndNoCredentials(string name, string value)
    {
        var parameters = new Dictionary<string, string>
        {
            ["RoleArn"] = $"arn:aws:iam::{StsSetup.Account}:role/Any",
            ["RoleSessionName"] = "ok-session",
            ["WebIdentityToken"] = "eyJhbGciOiJSUzI1NiJ9.e30.sig",
            [name] = value,
        };

        var response = await _sts.SendAsync("sts", AwsQueryClient.StsVersion, "AssumeRoleWithWebIdentity",
            parameters.Select(p => (p.Key, p.Value)), sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Null(response.Value("AccessKeyId"));
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_MissingToken_Returns400()
    {
        var response = await _sts.SendAsync("sts", AwsQueryClient.StsVersion, "AssumeRoleWithWebIdentity",
            [("RoleArn", $"arn:aws:iam::{StsSetup.Account}:role/Any"), ("RoleSessionName", "s1")], sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_Unsigned_ReturnsMissingAuthenticationToken()
    {
        var response = await _sts.SendAsync("sts", AwsQueryClient.StsVersion, "GetCallerIdentity", [], sign: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("MissingAuthenticationToken", response.ErrorCode);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_PolicyArns_ReturnsInvalidParameterValue()
    {
        var token = await StsSetup.OpenIdTokenAsync(factory, StsSetup.IdentityId());

        var response = await StsSetup.AssumeAsync(_sts, $"arn:aws:iam::{StsSetup.Account}:role/Any", token, "s1",
            ("PolicyArns.member.1.arn", $"arn:aws:iam::{StsSetup.Account}:policy/p"));

        Assert.Equal("InvalidParameterValue", response.ErrorCode);
    }
}
