using System.Net;
using System.Text.Json;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class RoleTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    [Fact]
    public async Task CreateRole_AllMembers_ReturnsRoleWithArnIdAndEncodedTrustPolicy()
    {
        var name = Name("Role");
        var created = factory.Clock.GetUtcNow();

        var response = await _client.IamAsync("CreateRole",
            ("RoleName", name), ("Path", "/app/team/"), ("AssumeRolePolicyDocument", TrustPolicy),
            ("Description", "the app's role"), ("MaxSessionDuration", "7200"),
            ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var role = Result(response, "CreateRole").Child("Role");
        Assert.Equal(name, role.Text("RoleName"));
        Assert.Equal("/app/team/", role.Text("Path"));
        Assert.Equal($"arn:aws:iam::{Account}:role/app/team/{name}", role.Text("Arn"));
        Assert.Matches("^AROA[A-Z2-7]{17}$", role.Text("RoleId"));
        Assert.Equal("the app's role", role.Text("Description"));
        Assert.Equal("7200", role.Text("MaxSessionDuration"));
        Assert.Equal(created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), role.Text("CreateDate"));
        Assert.Equal(Uri.EscapeDataString(TrustPolicy), role.Text("AssumeRolePolicyDocument"));
        Assert.StartsWith("%7B%22Version%22%3A", role.Text("AssumeRolePolicyDocument"));
        var tag = Assert.Single(role.Members("Tags"));
        Assert.Equal(("team", "blue"), (tag.Text("Key"), tag.Text("Value")));
        Assert.Null(role.Element(Ns + "RoleLastUsed"));
    }

    [Fact]
    public async Task CreateRole_OnlyRequiredMembers_DefaultsPathAndMaxSessionDuration()
    {
        var name = Name("Role");

        var response = await _client.IamAsync("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var role = Result(response, "CreateRole").Child("Role");
        Assert.Equal("/", role.Text("Path"));
        Assert.Equal($"arn:aws:iam::{Account}:role/{name}", role.Text("Arn"));
        Assert.Equal("3600", role.Text("MaxSessionDuration"));
        Assert.Null(role.Element(Ns + "Description"));
        Assert.Null(role.Element(Ns + "Tags"));
    }

    [Fact]
    public async Task CreateRole_SameNameOtherCase_EntityAlreadyExists409AndNothingStored()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreateRoleAsync(_client, name.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("EntityAlreadyExists", response.ErrorCode);
        Assert.Equal($"Role with name {name.ToUpperInvariant()} already exists.", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"s3:GetObject"}]}""")]
    public async Task CreateRole_MalformedTrustPolicy_MalformedPolicyDocument400AndNothingStored(string trust)
    {
        var name = Name("Role");
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreateRoleAsync(_client, name, trust: trust);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MalformedPolicyDocument", response.ErrorCode);
        Assert.False(string.IsNullOrEmpty(response.Message));
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
        Assert.Null(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task CreateRole_TrustPolicyAtQuota_Created()
    {
        var trust = TrustPolicyOfSize(2048);

        var response = await CreateRoleAsync(_client, Name("Role"), trust: trust);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task CreateRole_TrustPolicyOverQuota_LimitExceeded409()
    {
        var name = Name("Role");
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreateRoleAsync(_client, name, trust: TrustPolicyOfSize(2049));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
        Assert.Equal("Cannot exceed quota for ACLSizePerRole: 2048", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task CreateRole_WhiteSpaceInTrustPolicy_NotCounted()
    {
        var trust = TrustPolicyOfSize(2048).Replace(",", ",\n    ", StringComparison.Ordinal);

        var response = await CreateRoleAsync(_client, Name("Role"), trust: trust);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("/app")]
    [InlineData("app/")]
    [InlineData("//")]
    [InlineData("/a b/")]
    public async Task CreateRole_PathNotSlashed_ValidationError(string path)
    {
        var before = await IamStore.FingerprintAsync(factory);

        var response = await CreateRoleAsync(_client, Name("Role"), path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Contains("at 'path' failed to satisfy constraint", response.Message);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Theory]
    [InlineData("RoleName", "has space")]
    [InlineData("MaxSessionDuration", "3599")]
    [InlineData("MaxSessionDuration", "43201")]
    public async Task CreateRole_ModelConstraintBroken_ValidationError(string member, string value)
    {
        var parameters = new Dictionary<string, string>
        {
            ["RoleName"] = Name("Role"),
            ["AssumeRolePolicyDocument"] = TrustPolicy,
            [member] = value,
        };

        var response = await _client.IamAsync("CreateRole", parameters.Select(p => (p.Key, p.Value)).ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.StartsWith("1 validation error detected: ", response.Message);
    }

    [Fact]
    public async Task CreateRole_DuplicateTagKeysInOtherCase_InvalidInput()
    {
        var name = Name("Role");

        var response = await _client.IamAsync("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy),
            ("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "a"),
            ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "b"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
        Assert.Null(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task CreateRole_PermissionsBoundary_InvalidInputNotIgnored()
    {
        var name = Name("Role");

        var response = await _client.IamAsync("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy),
            ("PermissionsBoundary", $"arn:aws:iam::{Account}:policy/Boundary"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
        Assert.Null(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task CreateRole_Unsigned_MissingAuthenticationToken403()
    {
        var name = Name("Role");

        var response = await _client.SendAsync("iam", AwsQueryClient.IamVersion, "CreateRole",
            [("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy)], sign: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("MissingAuthenticationToken", response.ErrorCode);
        Assert.Null(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task GetRole_OtherCase_ReturnsRoleWithTagsAndEmptyRoleLastUsed()
    {
        var name = Name("Role");
        await _client.IamAsync("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy),
            ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));

        var response = await _client.IamAsync("GetRole", ("RoleName", name.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var role = Result(response, "GetRole").Child("Role");
        Assert.Equal(name, role.Text("RoleName"));
        Assert.Equal(TrustPolicy, Uri.UnescapeDataString(role.Text("AssumeRolePolicyDocument")));
        Assert.Equal("k", Assert.Single(role.Members("Tags")).Text("Key"));
        Assert.Empty(role.Child("RoleLastUsed").Elements());
    }

    [Fact]
    public async Task GetRole_Unknown_NoSuchEntity404()
    {
        var name = Name("Nobody");

        var response = await _client.IamAsync("GetRole", ("RoleName", name));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"The role with name {name} cannot be found.", response.Message);
        Assert.Equal("Sender", response.Value("Type"));
    }

    [Fact]
    public async Task UpdateRole_DescriptionAndDuration_Changed()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);

        var response = await _client.IamAsync("UpdateRole",
            ("RoleName", name), ("Description", "new"), ("MaxSessionDuration", "43200"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(Result(response, "UpdateRole").Elements());
        var role = Result(await _client.IamAsync("GetRole", ("RoleName", name)), "GetRole").Child("Role");
        Assert.Equal("new", role.Text("Description"));
        Assert.Equal("43200", role.Text("MaxSessionDuration"));
    }

    [Fact]
    public async Task UpdateRole_DurationOnly_KeepsDescription()
    {
        var name = Name("Role");
        await _client.IamAsync("CreateRole", ("RoleName", name), ("AssumeRolePolicyDocument", TrustPolicy),
            ("Description", "kept"));

        await _client.IamAsync("UpdateRole", ("RoleName", name), ("MaxSessionDuration", "3600"));

        var stored = await IamStore.RoleAsync(factory, name);
        Assert.Equal("kept", stored!.Description);
    }

    [Fact]
    public async Task UpdateRole_DurationOutOfRange_ValidationErrorAndUnchanged()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);
        var before = await IamStore.FingerprintAsync(factory);

        var response = await _client.IamAsync("UpdateRole", ("RoleName", name), ("MaxSessionDuration", "50000"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task UpdateRole_Unknown_NoSuchEntity()
    {
        var response = await _client.IamAsync("UpdateRole", ("RoleName", Name("Nobody")), ("Description", "x"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_ValidPolicy_Replaced()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);

        var response = await _client.IamAsync("UpdateAssumeRolePolicy",
            ("RoleName", name), ("PolicyDocument", ServiceTrustPolicy));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Xml.Root!.Element(Ns + "UpdateAssumeRolePolicyResult"));
        Assert.Equal(ServiceTrustPolicy, (await IamStore.RoleAsync(factory, name))!.AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_IdentityPolicy_MalformedPolicyDocumentAndUnchanged()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);

        var response = await _client.IamAsync("UpdateAssumeRolePolicy",
            ("RoleName", name), ("PolicyDocument", IdentityPolicy));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MalformedPolicyDocument", response.ErrorCode);
        Assert.Equal(TrustPolicy, (await IamStore.RoleAsync(factory, name))!.AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_OverQuota_LimitExceeded()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);

        var response = await _client.IamAsync("UpdateAssumeRolePolicy",
            ("RoleName", name), ("PolicyDocument", TrustPolicyOfSize(2049)));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
        Assert.Equal(TrustPolicy, (await IamStore.RoleAsync(factory, name))!.AssumeRolePolicyDocument);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_UnknownRole_NoSuchEntity()
    {
        var response = await _client.IamAsync("UpdateAssumeRolePolicy",
            ("RoleName", Name("Nobody")), ("PolicyDocument", TrustPolicy));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task DeleteRole_NoPolicies_Deleted()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);

        var response = await _client.IamAsync("DeleteRole", ("RoleName", name));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.Value("RequestId"));
        Assert.Null(await IamStore.RoleAsync(factory, name));
        Assert.Equal("NoSuchEntity", (await _client.IamAsync("GetRole", ("RoleName", name))).ErrorCode);
    }

    [Fact]
    public async Task DeleteRole_InlinePolicy_DeleteConflict409()
    {
        var name = Name("Role");
        await CreateRoleAsync(_client, name);
        await _client.IamAsync("PutRolePolicy", ("RoleName", name), ("PolicyName", "p"), ("PolicyDocument", IdentityPolicy));

        var response = await _client.IamAsync("DeleteRole", ("RoleName", name));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("DeleteConflict", response.ErrorCode);
        Assert.Equal("Cannot delete entity, must delete policies first.", response.Message);
        Assert.NotNull(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task DeleteRole_AttachedPolicy_DeleteConflict409()
    {
        var name = Name("Role");
        var policy = Name("Policy");
        await CreateRoleAsync(_client, name);
        await CreatePolicyAsync(_client, policy);
        await _client.IamAsync("AttachRolePolicy", ("RoleName", name), ("PolicyArn", PolicyArn("/", policy)));

        var response = await _client.IamAsync("DeleteRole", ("RoleName", name));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("DeleteConflict", response.ErrorCode);
        Assert.Equal("Cannot delete entity, must detach all policies first.", response.Message);
        Assert.NotNull(await IamStore.RoleAsync(factory, name));
    }

    [Fact]
    public async Task DeleteRole_Unknown_NoSuchEntity404()
    {
        var response = await _client.IamAsync("DeleteRole", ("RoleName", Name("Nobody")));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
    }

    [Fact]
    public async Task CreateRole_SameNameInParallel_OneCreatedOthersEntityAlreadyExists()
    {
        var name = Name("Race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateRoleAsync(_client, name)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("EntityAlreadyExists", r.ErrorCode));
    }

    [Fact]
    public async Task GetRole_TrustPolicyWithLatin1_DecodesToSameJson()
    {
        var name = Name("Role");
        var trust = TrustPolicy.Replace("us-east-1:1111", "us-east-1:é 1+", StringComparison.Ordinal);
        await CreateRoleAsync(_client, name, trust: trust);

        var role = Result(await _client.IamAsync("GetRole", ("RoleName", name)), "GetRole").Child("Role");

        var encoded = role.Text("AssumeRolePolicyDocument");
        Assert.DoesNotContain(" ", encoded);
        Assert.Contains("%20", encoded);
        Assert.Contains("%2B", encoded);
        using var parsed = JsonDocument.Parse(Uri.UnescapeDataString(encoded));
        Assert.Equal(trust, Uri.UnescapeDataString(encoded));
    }
}
