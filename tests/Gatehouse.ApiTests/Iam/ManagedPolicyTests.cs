using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class ManagedPolicyTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    [Fact]
    public async Task CreatePolicy_AllMembers_ReturnsPolicyWithV1()
    {
        var name = Name("Policy");

        var response = await _client.IamAsync("CreatePolicy", ("PolicyName", name), ("Path", "/ops/"),
            ("PolicyDocument", IdentityPolicy), ("Description", "reads users"),
            ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var policy = Result(response, "CreatePolicy").Child("Policy");
        Assert.Equal(name, policy.Text("PolicyName"));
        Assert.Matches("^ANPA[A-Z2-7]{17}$", policy.Text("PolicyId"));
        Assert.Equal(PolicyArn("/ops/", name), policy.Text("Arn"));
        Assert.Equal("/ops/", policy.Text("Path"));
        Assert.Equal("v1", policy.Text("DefaultVersionId"));
        Assert.Equal("0", policy.Text("AttachmentCount"));
        Assert.Equal("true", policy.Text("IsAttachable"));
        Assert.Equal(policy.Text("CreateDate"), policy.Text("UpdateDate"));
        Assert.Equal("k", Assert.Single(policy.Members("Tags")).Text("Key"));
    }

    [Fact]
    public async Task CreatePolicy_SameNameOtherCaseOtherPath_EntityAlreadyExists409()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name);
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreatePolicyAsync(_client, name.ToUpperInvariant(), "/other/");

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("EntityAlreadyExists", response.ErrorCode);
        Assert.Equal($"A policy called {name.ToUpperInvariant()} already exists. Duplicate names are not allowed.", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData(TrustPolicy)]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ListUsers","Resource":"*"}]}""")]
    public async Task CreatePolicy_Malformed_MalformedPolicyDocument400AndNothingStored(string document)
    {
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreatePolicyAsync(_client, Name("Policy"), document: document);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MalformedPolicyDocument", response.ErrorCode);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task CreatePolicy_AtQuota_Created()
    {
        var response = await CreatePolicyAsync(_client, Name("Policy"), document: IdentityPolicyOfSize(6144));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task CreatePolicy_OverQuota_LimitExceeded409()
    {
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreatePolicyAsync(_client, Name("Policy"), document: IdentityPolicyOfSize(6145));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
        Assert.Equal("Cannot exceed quota for PolicySize: 6144", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task CreatePolicy_BadPath_ValidationError()
    {
        var response = await CreatePolicyAsync(_client, Name("Policy"), "no-slash");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task GetPolicy_Existing_ReturnsDescriptionAndAttachmentCount()
    {
        var name = Name("Policy");
        var role = Name("Role");
        await _client.IamAsync("CreatePolicy", ("PolicyName", name), ("PolicyDocument", IdentityPolicy),
            ("Description", "described"));
        await CreateRoleAsync(_client, role);
        await _client.IamAsync("AttachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", name)));

        var response = await _client.IamAsync("GetPolicy", ("PolicyArn", PolicyArn("/", name)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var policy = Result(response, "GetPolicy").Child("Policy");
        Assert.Equal("described", policy.Text("Description"));
        Assert.Equal("1", policy.Text("AttachmentCount"));
    }

    [Fact]
    public async Task GetPolicy_WrongPathInArn_NoSuchEntity404()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name, "/a/");

        var response = await _client.IamAsync("GetPolicy", ("PolicyArn", PolicyArn("/", name)));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"Policy {PolicyArn("/", name)} was not found.", response.Message);
    }

    [Fact]
    public async Task GetPolicy_NotAnArn_InvalidInput400()
    {
        var response = await _client.IamAsync("GetPolicy", ("PolicyArn", "this-is-not-an-arn-at-all"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
    }

    [Fact]
    public async Task GetPolicyVersion_V1_ReturnsEncodedDocument()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name);

        var response = await _client.IamAsync("GetPolicyVersion", ("PolicyArn", PolicyArn("/", name)), ("VersionId", "v1"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var version = Result(response, "GetPolicyVersion").Child("PolicyVersion");
        Assert.Equal(Uri.EscapeDataString(IdentityPolicy), version.Text("Document"));
        Assert.Equal("v1", version.Text("VersionId"));
        Assert.Equal("true", version.Text("IsDefaultVersion"));
        Assert.NotEmpty(version.Text("CreateDate"));
    }

    [Fact]
    public async Task GetPolicyVersion_V2_NoSuchEntity404()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name);

        var response = await _client.IamAsync("GetPolicyVersion", ("PolicyArn", PolicyArn("/", name)), ("VersionId", "v2"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task GetPolicyVersion_BadVersionId_ValidationError()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name);

        var response = await _client.IamAsync("GetPolicyVersion", ("PolicyArn", PolicyArn("/", name)), ("VersionId", "1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task ListPolicies_PathPrefixAndOnlyAttached_Filters()
    {
        var path = Path();
        var attached = "a" + Name("p");
        var loose = "b" + Name("p");
        var role = Name("Role");
        await CreatePolicyAsync(_client, attached, path);
        await CreatePolicyAsync(_client, loose, path);
        await CreateRoleAsync(_client, role);
        await _client.IamAsync("AttachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn(path, attached)));

        var all = Result(await _client.IamAsync("ListPolicies", ("PathPrefix", path)), "ListPolicies");
        var onlyAttached = Result(await _client.IamAsync("ListPolicies",
            ("PathPrefix", path), ("OnlyAttached", "true"), ("Scope", "Local")), "ListPolicies");

        Assert.Equal([attached, loose], all.Members("Policies").Select(p => p.Text("PolicyName")));
        Assert.All(all.Members("Policies"), p => Assert.Null(p.Element(Ns + "Description")));
        var only = Assert.Single(onlyAttached.Members("Policies"));
        Assert.Equal(attached, only.Text("PolicyName"));
        Assert.Equal("1", only.Text("AttachmentCount"));
    }

    [Fact]
    public async Task ListPolicies_ScopeAws_EmptyBecauseNoAwsManagedPolicies()
    {
        var path = Path();
        await CreatePolicyAsync(_client, Name("p"), path);

        var result = Result(await _client.IamAsync("ListPolicies", ("Scope", "AWS"), ("PathPrefix", path)), "ListPolicies");

        Assert.Empty(result.Members("Policies"));
        Assert.Equal("false", result.Text("IsTruncated"));
    }

    [Fact]
    public async Task ListPolicies_MaxItems_PagesWithMarker()
    {
        var path = Path();
        var names = new[] { "a" + Name("p"), "b" + Name("p"), "c" + Name("p") };
        foreach (var name in names)
        {
            await CreatePolicyAsync(_client, name, path);
        }

        var first = Result(await _client.IamAsync("ListPolicies", ("PathPrefix", path), ("MaxItems", "2")), "ListPolicies");
        var second = Result(await _client.IamAsync("ListPolicies",
            ("PathPrefix", path), ("MaxItems", "2"), ("Marker", first.Text("Marker"))), "ListPolicies");

        Assert.Equal("true", first.Text("IsTruncated"));
        Assert.Equal(names, first.Members("Policies").Concat(second.Members("Policies")).Select(p => p.Text("PolicyName")));
        Assert.Equal("false", second.Text("IsTruncated"));
    }

    [Fact]
    public async Task ListPolicies_ScopeEnumBroken_ValidationError()
    {
        var response = await _client.IamAsync("ListPolicies", ("Scope", "Mine"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task DeletePolicy_NotAttached_Deleted()
    {
        var name = Name("Policy");
        await CreatePolicyAsync(_client, name);

        var response = await _client.IamAsync("DeletePolicy", ("PolicyArn", PolicyArn("/", name)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("NoSuchEntity", (await _client.IamAsync("GetPolicy", ("PolicyArn", PolicyArn("/", name)))).ErrorCode);
    }

    [Fact]
    public async Task DeletePolicy_Attached_DeleteConflict409()
    {
        var name = Name("Policy");
        var role = Name("Role");
        await CreatePolicyAsync(_client, name);
        await CreateRoleAsync(_client, role);
        await _client.IamAsync("AttachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", name)));
        var before = await IamStore.FingerprintAsync(factory);

        var response = await _client.IamAsync("DeletePolicy", ("PolicyArn", PolicyArn("/", name)));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("DeleteConflict", response.ErrorCode);
        Assert.Equal("Cannot delete a policy attached to entities.", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task DeletePolicy_Unknown_NoSuchEntity404()
    {
        var response = await _client.IamAsync("DeletePolicy", ("PolicyArn", PolicyArn("/", Name("Nope"))));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }
}
