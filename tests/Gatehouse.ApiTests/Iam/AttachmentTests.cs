using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class AttachmentTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    private Task<AwsQueryResponse> AttachAsync(string role, string arn) =>
        _client.IamAsync("AttachRolePolicy", ("RoleName", role), ("PolicyArn", arn));

    [Fact]
    public async Task AttachRolePolicy_Existing_ListedAsAttached()
    {
        var role = Name("Role");
        var policy = Name("Policy");
        await CreateRoleAsync(_client, role);
        await CreatePolicyAsync(_client, policy, "/p/");

        var response = await AttachAsync(role, PolicyArn("/p/", policy));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(await _client.IamAsync("ListAttachedRolePolicies", ("RoleName", role)), "ListAttachedRolePolicies");
        var attached = Assert.Single(result.Members("AttachedPolicies"));
        Assert.Equal(policy, attached.Text("PolicyName"));
        Assert.Equal(PolicyArn("/p/", policy), attached.Text("PolicyArn"));
        Assert.Equal("false", result.Text("IsTruncated"));
    }

    [Fact]
    public async Task AttachRolePolicy_Twice_SucceedsOnceStored()
    {
        var role = Name("Role");
        var policy = Name("Policy");
        await CreateRoleAsync(_client, role);
        await CreatePolicyAsync(_client, policy);
        await AttachAsync(role, PolicyArn("/", policy));

        var response = await AttachAsync(role, PolicyArn("/", policy));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var count = Result(await _client.IamAsync("GetPolicy", ("PolicyArn", PolicyArn("/", policy))), "GetPolicy")
            .Child("Policy").Text("AttachmentCount");
        Assert.Equal("1", count);
    }

    [Theory]
    [InlineData("arn:aws:iam::000000000000:policy/NoSuchPolicyHere")]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData("arn:aws:iam::123456789012:policy/OtherAccount")]
    public async Task AttachRolePolicy_UnknownPolicy_NoSuchEntity404AndNothingStored(string arn)
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);
        var before = await IamStore.FingerprintAsync(factory);

        var response = await AttachAsync(role, arn);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"Policy {arn} does not exist or is not attachable.", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task AttachRolePolicy_UnknownRole_NoSuchEntity404()
    {
        var policy = Name("Policy");
        await CreatePolicyAsync(_client, policy);

        var response = await AttachAsync(Name("Nobody"), PolicyArn("/", policy));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.StartsWith("The role with name ", response.Message);
    }

    [Fact]
    public async Task AttachRolePolicy_NotAnArn_InvalidInput400()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var response = await AttachAsync(role, "policy/just-a-name-here");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
    }

    [Fact]
    public async Task AttachRolePolicy_EleventhPolicy_LimitExceeded409()
    {
        var role = Name("Role");
        var names = Enumerable.Range(0, 11).Select(i => Name($"p{i}-")).ToList();
        await CreateRoleAsync(_client, role);
        foreach (var name in names)
        {
            await CreatePolicyAsync(_client, name);
        }

        foreach (var name in names.Take(10))
        {
            Assert.Equal(HttpStatusCode.OK, (await AttachAsync(role, PolicyArn("/", name))).Status);
        }

        var before = await IamStore.FingerprintAsync(factory);

        var response = await AttachAsync(role, PolicyArn("/", names[10]));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
        Assert.Equal("Cannot exceed quota for PoliciesPerRole: 10", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task DetachRolePolicy_Attached_Detached()
    {
        var role = Name("Role");
        var policy = Name("Policy");
        await CreateRoleAsync(_client, role);
        await CreatePolicyAsync(_client, policy);
        await AttachAsync(role, PolicyArn("/", policy));

        var response = await _client.IamAsync("DetachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", policy)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(await _client.IamAsync("ListAttachedRolePolicies", ("RoleName", role)), "ListAttachedRolePolicies");
        Assert.Empty(result.Members("AttachedPolicies"));
        Assert.Equal(HttpStatusCode.OK, (await _client.IamAsync("DeletePolicy", ("PolicyArn", PolicyArn("/", policy)))).Status);
    }

    [Fact]
    public async Task DetachRolePolicy_NotAttached_NoSuchEntity404()
    {
        var role = Name("Role");
        var policy = Name("Policy");
        await CreateRoleAsync(_client, role);
        await CreatePolicyAsync(_client, policy);

        var response = await _client.IamAsync("DetachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", policy)));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"Policy {PolicyArn("/", policy)} was not found.", response.Message);
    }

    [Fact]
    public async Task DetachRolePolicy_UnknownPolicy_NoSuchEntity404()
    {
        var role = Name("Role");
        await CreateRoleAsync(_client, role);

        var response = await _client.IamAsync("DetachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", Name("x"))));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task ListAttachedRolePolicies_PathPrefixAndPages_FiltersAndPages()
    {
        var role = Name("Role");
        var path = Path();
        await CreateRoleAsync(_client, role);
        foreach (var name in new[] { "c" + Name("p"), "a" + Name("p"), "b" + Name("p") })
        {
            await CreatePolicyAsync(_client, name, path);
            await AttachAsync(role, PolicyArn(path, name));
        }

        var outside = Name("p");
        await CreatePolicyAsync(_client, outside);
        await AttachAsync(role, PolicyArn("/", outside));

        var first = Result(await _client.IamAsync("ListAttachedRolePolicies",
            ("RoleName", role), ("PathPrefix", path), ("MaxItems", "2")), "ListAttachedRolePolicies");
        var second = Result(await _client.IamAsync("ListAttachedRolePolicies",
            ("RoleName", role), ("PathPrefix", path), ("MaxItems", "2"), ("Marker", first.Text("Marker"))),
            "ListAttachedRolePolicies");

        var names = first.Members("AttachedPolicies").Concat(second.Members("AttachedPolicies"))
            .Select(p => p.Text("PolicyName")).ToList();
        Assert.Equal(3, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.DoesNotContain(outside, names);
        Assert.Equal("true", first.Text("IsTruncated"));
        Assert.Equal("false", second.Text("IsTruncated"));
    }

    [Fact]
    public async Task ListAttachedRolePolicies_UnknownRole_NoSuchEntity404()
    {
        var response = await _client.IamAsync("ListAttachedRolePolicies", ("RoleName", Name("Nobody")));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }
}
