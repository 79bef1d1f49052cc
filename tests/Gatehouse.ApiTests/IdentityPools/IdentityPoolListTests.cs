using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolListTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task ListIdentityPools_SeveralPages_EveryPoolOnceInCreationOrder()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await _client.CreateIdentityPoolIdAsync());
            factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var (listed, pages) = await ListAllAsync(maxResults: 3);

        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(created, listed.Where(created.Contains).ToList());
    }

    [Fact]
    public async Task ListIdentityPools_Page_ShortDescriptionsOnly()
    {
        var name = IdentityPoolBuilder.UniqueName();
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = name, ["AllowUnauthenticatedIdentities"] = true });

        var (_, descriptions) = await FindAsync(poolId);

        var description = descriptions!.AsObject();
        Assert.Equal(2, description.Count);
        Assert.Equal(poolId, description["IdentityPoolId"]!.GetValue<string>());
        Assert.Equal(name, description["IdentityPoolName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListIdentityPools_LastPage_NoNextToken()
    {
        await _client.CreateIdentityPoolIdAsync();

        var response = await _client.CallAsync("ListIdentityPools", new { MaxResults = 60 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        // This class's tests make far fewer than 60 pools, so one page holds them all.
        Assert.InRange(response["IdentityPools"]!.AsArray().Count, 1, 59);
        Assert.False(response.Body.ContainsKey("NextToken"));
    }

    [Fact]
    public async Task ListIdentityPools_DeletedPoolAfterToken_ContinuesAfterIt()
    {
        var first = await _client.CreateIdentityPoolIdAsync();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _client.CreateIdentityPoolIdAsync();
        var page = await _client.CallAsync("ListIdentityPools", new { MaxResults = 1 });
        var token = page["NextToken"]!.GetValue<string>();
        var walked = new List<string> { page["IdentityPools"]![0]!["IdentityPoolId"]!.GetValue<string>() };
        while (token is not null && !walked.Contains(first))
        {
            var next = await _client.CallAsync("ListIdentityPools", new { MaxResults = 1, NextToken = token });
            walked.Add(next["IdentityPools"]![0]!["IdentityPoolId"]!.GetValue<string>());
            token = next["NextToken"]?.GetValue<string>()!;
        }

        await _client.CallAsync("DeleteIdentityPool", new { IdentityPoolId = first });
        var rest = await _client.CallAsync("ListIdentityPools", new { MaxResults = 60, NextToken = token });

        Assert.Equal(HttpStatusCode.OK, rest.Status);
        Assert.Contains(rest["IdentityPools"]!.AsArray(), p => p!["IdentityPoolId"]!.GetValue<string>() == second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task ListIdentityPools_MaxResultsOutOfRange_InvalidParameter(int maxResults)
    {
        var response = await _client.CallAsync("ListIdentityPools", new { MaxResults = maxResults });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentityPools_MaxResultsMissing_InvalidParameter()
    {
        var response = await _client.SendAsync("ListIdentityPools", "{}");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentityPools_TamperedToken_InvalidParameter()
    {
        await _client.CreateIdentityPoolIdAsync();
        await _client.CreateIdentityPoolIdAsync();
        var token = (await _client.CallAsync("ListIdentityPools", new { MaxResults = 1 }))["NextToken"]!.GetValue<string>();
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await _client.CallAsync("ListIdentityPools", new { MaxResults = 1, NextToken = tampered });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentityPools_TokenOfListIdentities_InvalidParameter()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        var token = (await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = 1 }))["NextToken"]!
            .GetValue<string>();

        var response = await _client.CallAsync("ListIdentityPools", new { MaxResults = 1, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ListIdentityPools_ForgedToken_InvalidParameter(string token)
    {
        var response = await _client.CallAsync("ListIdentityPools", new { MaxResults = 1, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    private async Task<(List<string> Ids, int Pages)> ListAllAsync(int maxResults)
    {
        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.SendAsync("ListIdentityPools", new JsonObject
            {
                ["MaxResults"] = maxResults,
                ["NextToken"] = token,
            }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.Status);
            pages++;
            var page = response["IdentityPools"]!.AsArray();
            Assert.True(page.Count <= maxResults);
            ids.AddRange(page.Select(p => p!["IdentityPoolId"]!.GetValue<string>()));
            token = response["NextToken"]?.GetValue<string>();
        }
        while (token is not null);

        return (ids, pages);
    }

    private async Task<(int Pages, JsonNode? Description)> FindAsync(string poolId)
    {
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.SendAsync("ListIdentityPools", new JsonObject
            {
                ["MaxResults"] = 60,
                ["NextToken"] = token,
            }.ToJsonString());
            pages++;
            if (response["IdentityPools"]!.AsArray().FirstOrDefault(p => p!["IdentityPoolId"]!.GetValue<string>() == poolId)
                is { } found)
            {
                return (pages, found);
            }

            token = response["NextToken"]?.GetValue<string>();
        }
        while (token is not null);

        return (pages, null);
    }
}
