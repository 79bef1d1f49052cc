using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class RoleListTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    [Fact]
    public async Task ListRoles_PathPrefix_OnlyThoseRolesByNameWithoutTags()
    {
        var path = Path();
        await _client.IamAsync("CreateRole", ("RoleName", "b-" + Name("r")), ("Path", path),
            ("AssumeRolePolicyDocument", TrustPolicy), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));
        await CreateRoleAsync(_client, "A-" + Name("r"), path + "sub/");
        await CreateRoleAsync(_client, Name("elsewhere"));

        var response = await _client.IamAsync("ListRoles", ("PathPrefix", path));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(response, "ListRoles");
        var roles = result.Members("Roles");
        Assert.Equal(2, roles.Count);
        Assert.StartsWith("A-", roles[0].Text("RoleName"));
        Assert.StartsWith("b-", roles[1].Text("RoleName"));
        Assert.All(roles, r => Assert.Null(r.Element(Ns + "Tags")));
        Assert.All(roles, r => Assert.Null(r.Element(Ns + "RoleLastUsed")));
        Assert.All(roles, r => Assert.StartsWith("%7B", r.Text("AssumeRolePolicyDocument")));
        Assert.Equal("false", result.Text("IsTruncated"));
        Assert.Null(result.Element(Ns + "Marker"));
    }

    [Fact]
    public async Task ListRoles_PrefixWithLikeWildcards_MatchedLiterally()
    {
        var stem = Name("w");
        var literal = Name("lit");
        var other = Name("oth");
        await CreateRoleAsync(_client, literal, $"/{stem}_%/");
        await CreateRoleAsync(_client, other, $"/{stem}xy/");

        var result = Result(await _client.IamAsync("ListRoles", ("PathPrefix", $"/{stem}_%/")), "ListRoles");

        Assert.Equal([literal], result.Members("Roles").Select(r => r.Text("RoleName")));
    }

    [Fact]
    public async Task ListRoles_NoneUnderPrefix_EmptyList()
    {
        var response = await _client.IamAsync("ListRoles", ("PathPrefix", Path()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(response, "ListRoles");
        Assert.Empty(result.Members("Roles"));
        Assert.Equal("false", result.Text("IsTruncated"));
    }

    [Fact]
    public async Task ListRoles_MaxItems_PagesThroughAllWithMarkers()
    {
        var path = Path();
        var names = Enumerable.Range(0, 5).Select(i => $"r{i}-{Name("x")}").ToList();
        foreach (var name in names)
        {
            await CreateRoleAsync(_client, name, path);
        }

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var parameters = new List<(string, string)> { ("PathPrefix", path), ("MaxItems", "2") };
            if (marker is not null)
            {
                parameters.Add(("Marker", marker));
            }

            var result = Result(await _client.IamAsync("ListRoles", parameters.ToArray()), "ListRoles");
            var roles = result.Members("Roles");
            Assert.True(roles.Count <= 2);
            seen.AddRange(roles.Select(r => r.Text("RoleName")));
            var truncated = result.Text("IsTruncated") == "true";
            marker = truncated ? result.Text("Marker") : null;
            Assert.Equal(truncated, result.Element(Ns + "Marker") is not null);
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task ListRoles_MarkerTampered_ValidationError()
    {
        var path = Path();
        await CreateRoleAsync(_client, "a" + Name("r"), path);
        await CreateRoleAsync(_client, "b" + Name("r"), path);
        var first = Result(await _client.IamAsync("ListRoles", ("PathPrefix", path), ("MaxItems", "1")), "ListRoles");
        var marker = first.Text("Marker");
        var parts = marker.Split('.');
        var forged = parts[0] + "." + Convert.ToBase64String("a"u8.ToArray()).TrimEnd('=') + "." + parts[2];

        var response = await _client.IamAsync("ListRoles", ("PathPrefix", path), ("Marker", forged));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task ListRoles_MarkerOfOtherPrefix_ValidationError()
    {
        var path = Path();
        await CreateRoleAsync(_client, "a" + Name("r"), path);
        await CreateRoleAsync(_client, "b" + Name("r"), path);
        var first = Result(await _client.IamAsync("ListRoles", ("PathPrefix", path), ("MaxItems", "1")), "ListRoles");

        var response = await _client.IamAsync("ListRoles", ("PathPrefix", "/"), ("Marker", first.Text("Marker")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task ListRoles_MaxItemsOutOfRange_ValidationError(string maxItems)
    {
        var response = await _client.IamAsync("ListRoles", ("MaxItems", maxItems));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }
}
