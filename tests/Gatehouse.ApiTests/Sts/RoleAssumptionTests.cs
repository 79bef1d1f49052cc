using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.ApiTests.Authorization;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Sts;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Sts;

/// <summary>RoleAssumption as GetCredentialsForIdentity calls it: session tags, the source, the stored record.</summary>
public sealed class RoleAssumptionTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string TaggingTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
        "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
        "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:11111111-2222-3333-4444-555555555555"}}}]}
        """;

    private const string DepartmentPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke",
        "Resource":"arn:aws:execute-api:*:*:*/*/GET/dept/${aws:PrincipalTag/department}/*"}]}
        """;

    private static WebIdentity Identity(string identityId) => new(
        RoleAssumption.CognitoIdentityProvider, identityId, StsSetup.IdentityPoolId,
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["cognito-identity.amazonaws.com:aud"] = [StsSetup.IdentityPoolId],
            ["cognito-identity.amazonaws.com:sub"] = [identityId],
            ["cognito-identity.amazonaws.com:amr"] = ["authenticated"],
        });

    private async Task<(TemporaryCredentials? Credentials, Server.AwsProtocol.AwsError? Error)> AssumeAsync(
        string arn, string identityId, IReadOnlyDictionary<string, string>? tags)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var assumption = scope.ServiceProvider.GetRequiredService<RoleAssumption>();
        return await assumption.AssumeWithWebIdentityAsync(arn, Identity(identityId), "CognitoIdentityCredentials", null,
            null, tags, "GetCredentialsForIdentity", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Assume_TagsWithoutTagSessionInTrust_ReturnsAccessDenied()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());

        var (credentials, error) = await AssumeAsync(arn, StsSetup.IdentityId(), new Dictionary<string, string> { ["department"] = "x" });

        Assert.Null(credentials);
        Assert.Equal("AccessDenied", error?.Type);
        Assert.Equal("Not authorized to perform sts:TagSession", error?.Message);
    }

    [Fact]
    public async Task Assume_TagsAllowed_SessionCarriesPrincipalTags()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, TaggingTrust, 3600, DepartmentPolicy);

        var (credentials, error) = await AssumeAsync(arn, StsSetup.IdentityId(), new Dictionary<string, string> { ["department"] = "sales" });

        Assert.Null(error);
        Assert.NotNull(credentials);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds() + 3600, credentials.Expiration.ToUnixTimeSeconds());
        var auth = new ForwardAuthClient(factory);
        var id = (credentials.AccessKeyId, credentials.SecretAccessKey, (string?)credentials.SessionToken);
        Assert.Equal(HttpStatusCode.NoContent, await auth.StatusAsync("GET", "/dept/sales/report", id));
        Assert.Equal(HttpStatusCode.Forbidden, await auth.StatusAsync("GET", "/dept/hr/report", id));
    }

    [Fact]
    public async Task Assume_Issued_StoresRecordWithSecretHashOnly()
    {
        var (roleId, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var identityId = StsSetup.IdentityId();

        var (credentials, _) = await AssumeAsync(arn, identityId, null);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var row = await db.StsSessions.AsNoTracking().SingleAsync(s => s.AccessKeyId == credentials!.AccessKeyId, TestContext.Current.CancellationToken);
        Assert.Equal(roleId, row.RoleId);
        Assert.Equal("GetCredentialsForIdentity", row.Source);
        Assert.Equal("CognitoIdentityCredentials", row.SessionName);
        Assert.Equal(identityId, row.Subject);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(credentials!.SecretAccessKey))), row.SecretHash);
    }

    [Fact]
    public async Task Assume_RoleArnOfAnotherAccountOrPath_ReturnsAccessDenied()
    {
        var (_, arn) = await StsSetup.CreateRoleAsync(factory, StsSetup.CognitoTrust());
        var name = arn.Split('/')[^1];

        var (_, otherAccount) = await AssumeAsync($"arn:aws:iam::111111111111:role/{name}", StsSetup.IdentityId(), null);
        var (_, otherPath) = await AssumeAsync($"arn:aws:iam::{StsSetup.Account}:role/team/{name}", StsSetup.IdentityId(), null);
        var (ok, _) = await AssumeAsync($"arn:aws:iam::{StsSetup.Account}:role/{name.ToUpperInvariant()}", StsSetup.IdentityId(), null);

        Assert.Equal("AccessDenied", otherAccount?.Type);
        Assert.Equal("AccessDenied", otherPath?.Type);
        Assert.NotNull(ok); // Role names are unique regardless of case, as in IAM.
    }
}
