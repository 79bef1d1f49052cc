using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class RolePolicyTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    private Task<AwsQueryResponse> PutAsync(string role, string name, string document) =>
        _client.IamAsync("PutRolePolicy", ("RoleName", role), ("PolicyName", name), ("PolicyDocument", document));

    [Fact]
    public async Task PutRolePolicy_ThenGet_ReturnsEncodedDocument()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var put = await PutAsync(role, "read-users", IdentityPolicy);
        var response = await _client.IamAsync("GetRolePolicy", ("RoleName", role), ("PolicyName", "read-users"));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(response, "GetRolePolicy");
        Assert.Equal(role, result.Text("RoleName"));
        Assert.Equal("read-users", result.Text("PolicyName"));
        Assert.Equal(Uri.EscapeDataString(IdentityPolicy), result.Text("PolicyDocument"));
        Assert.Contains("%20", result.Text("PolicyDocument"));
    }

    [Fact]
    public async Task PutRolePolicy_SameNameAgain_Replaces()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        await PutAsync(role, "p", IdentityPolicy);
        var second = IdentityPolicy.Replace("ListUsers", "AdminGetUser", StringComparison.Ordinal);

        await PutAsync(role, "p", second);

        var result = Result(await _client.IamAsync("GetRolePolicy", ("RoleName", role), ("PolicyName", "p")), "GetRolePolicy");
        Assert.Equal(second, Uri.UnescapeDataString(result.Text("PolicyDocument")));
        var names = Result(await _client.IamAsync("ListRolePolicies", ("RoleName", role)), "ListRolePolicies").Members("PolicyNames");
        Assert.Equal("p", Assert.Single(names).Value);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""")]
    public async Task PutRolePolicy_Malformed_MalformedPolicyDocument400AndNothingStored(string document)
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        var before = await IamStore.FingerprintAsync(factory);

        var response = await PutAsync(role, "p", document);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MalformedPolicyDocument", response.ErrorCode);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task PutRolePolicy_TotalAtQuota_Stored()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        await PutAsync(role, "a", IdentityPolicyOfSize(5120));

        var response = await PutAsync(role, "b", IdentityPolicyOfSize(5120));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task PutRolePolicy_TotalOverQuota_LimitExceeded409AndNothingStored()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        await PutAsync(role, "a", IdentityPolicyOfSize(5120));
        var before = await IamStore.FingerprintAsync(factory);

        var response = await PutAsync(role, "b", IdentityPolicyOfSize(5121));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
        Assert.Equal($"Maximum policy size of 10240 bytes exceeded for role {role}", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task PutRolePolicy_ReplacingLargeOne_CountsOnlyTheNewVersion()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        await PutAsync(role, "a", IdentityPolicyOfSize(10000));

        var response = await PutAsync(role, "a", IdentityPolicyOfSize(10240));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task PutRolePolicy_BadPolicyName_ValidationError()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var response = await PutAsync(role, "no/slash", IdentityPolicy);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task PutRolePolicy_UnknownRole_NoSuchEntity404()
    {
        var role = Name("Nobody");

        var response = await PutAsync(role, "p", IdentityPolicy);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"The role with name {role} cannot be found.", response.Message);
    }

    [Fact]
    public async Task GetRolePolicy_UnknownPolicy_NoSuchEntity404()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var response = await _client.IamAsync("GetRolePolicy", ("RoleName", role), ("PolicyName", "missing"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal("The role policy with name missing cannot be found.", response.Message);
    }

    [Fact]
    public async Task DeleteRolePolicy_Existing_GoneAndRoleDeletable()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        await PutAsync(role, "p", IdentityPolicy);

        var response = await _client.IamAsync("DeleteRolePolicy", ("RoleName", role), ("PolicyName", "p"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("NoSuchEntity", (await _client.IamAsync("GetRolePolicy", ("RoleName", role), ("PolicyName", "p"))).ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.IamAsync("DeleteRole", ("RoleName", role))).Status);
    }

    [Fact]
    public async Task DeleteRolePolicy_Unknown_NoSuchEntity404()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var response = await _client.IamAsync("DeleteRolePolicy", ("RoleName", role), ("PolicyName", "missing"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task ListRolePolicies_MaxItems_PagesInNameOrder()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        foreach (var name in new[] { "c", "a", "b" })
        {
            await PutAsync(role, name, IdentityPolicy);
        }

        var first = Result(await _client.IamAsync("ListRolePolicies", ("RoleName", role), ("MaxItems", "2")), "ListRolePolicies");
        var second = Result(await _client.IamAsync("ListRolePolicies",
            ("RoleName", role), ("MaxItems", "2"), ("Marker", first.Text("Marker"))), "ListRolePolicies");

        Assert.Equal(["a", "b"], first.Members("PolicyNames").Select(m => m.Value));
        Assert.Equal("true", first.Text("IsTruncated"));
        Assert.Equal(["c"], second.Members("PolicyNames").Select(m => m.Value));
        Assert.Equal("false", second.Text("IsTruncated"));
        Assert.Null(second.Element(Ns + "Marker"));
    }

    [Fact]
    public async Task ListRolePolicies_MarkerOfAnotherRole_ValidationError()
    {
        var role = Name("Role");
        var other = Name("Role");
        await CreateRoleAsync(_client, role);
        await CreateRoleAsync(_client, other);
        await PutAsync(role, "a", IdentityPolicy);
        await PutAsync(role, "b", IdentityPolicy);
        var first = Result(await _client.IamAsync("ListRolePolicies", ("RoleName", role), ("MaxItems", "1")), "ListRolePolicies");

        var response = await _client.IamAsync("ListRolePolicies", ("RoleName", other), ("Marker", first.Text("Marker")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task ListRolePolicies_NoPolicies_EmptyList()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var result = Result(await _client.IamAsync("ListRolePolicies", ("RoleName", role)), "ListRolePolicies");

        Assert.Empty(result.Members("PolicyNames"));
    }

    [Fact]
    public async Task ListRolePolicies_UnknownRole_NoSuchEntity()
    {
        var response = await _client.IamAsync("ListRolePolicies", ("RoleName", Name("Nobody")));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }
}
