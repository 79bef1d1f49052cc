using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

/// <summary>ListUserPools lists every pool of the server, so each test runs on its own fresh server.</summary>
public sealed class ListUserPoolsTests
{
    [Fact]
    public async Task ListUserPools_Paged_EveryPoolOnceInCreationOrder()
    {
        using var factory = new GatehouseFactory();
        var client = factory.CreateAwsClient();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await client.CreatePoolIdAsync());
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Two pools in the same millisecond are ordered by id.
        created.Add(await client.CreatePoolIdAsync());
        created.Add(await client.CreatePoolIdAsync());
        created = [.. created[..5], .. created[5..].Order(StringComparer.Ordinal)];

        var seen = new List<string>();
        string? token = null;
        do
        {
            var response = await client.CallAsync("ListUserPools", new { MaxResults = 3, NextToken = token });
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var page = response["UserPools"]!.AsArray(); // Present on every answer.
            Assert.All(page, p => Assert.NotNull(p?["CreationDate"]));
            Assert.All(page, p => Assert.NotNull(p?["LambdaConfig"]));
            seen.AddRange(page.Select(p => p!["Id"]!.GetValue<string>())); // Every description has an id.
            token = response["NextToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task ListUserPools_DeletedPoolInPage_SkippedWithoutRepeats()
    {
        using var factory = new GatehouseFactory();
        var client = factory.CreateAwsClient();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await client.CreatePoolIdAsync());
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await client.CallAsync("ListUserPools", new { MaxResults = 2 });
        await client.CallAsync("DeleteUserPool", new { UserPoolId = ids[1] });
        var second = await client.CallAsync("ListUserPools", new { MaxResults = 2, NextToken = first["NextToken"]?.GetValue<string>() });

        Assert.Equal([ids[2], ids[3]], second["UserPools"]!.AsArray().Select(p => p!["Id"]!.GetValue<string>())); // Shapes as above.
        Assert.Null(second["NextToken"]);
    }

    [Theory]
    [InlineData("""{"MaxResults":0}""")]
    [InlineData("""{"MaxResults":61}""")]
    [InlineData("""{"MaxResults":10,"NextToken":"not-a-token"}""")]
    [InlineData("""{"MaxResults":10,"NextToken":"djEKTGlzdFVzZXJQb29scwp4CnVzLWVhc3QtMV94"}""")]
    public async Task ListUserPools_InvalidInput_InvalidParameter(string body)
    {
        using var factory = new GatehouseFactory();
        var client = factory.CreateAwsClient();

        var response = await client.SendAsync("ListUserPools", body);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }
}
