using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolTagTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task TagResource_NewAndExistingKeys_ListTagsForResourceShowsMerge()
    {
        var (poolId, arn) = await CreatePoolAsync(new JsonObject { ["env"] = "dev", ["team"] = "blue" });

        var tag = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["env"] = "prod", ["cost"] = "42" } });
        var list = await _client.CallAsync("ListTagsForResource", new { ResourceArn = arn });

        Assert.Equal(HttpStatusCode.OK, tag.Status);
        Assert.Empty(tag.Body);
        var tags = list["Tags"]!.AsObject();
        Assert.Equal(3, tags.Count);
        Assert.Equal("prod", tags["env"]!.GetValue<string>());
        Assert.Equal("blue", tags["team"]!.GetValue<string>());
        Assert.Equal("42", tags["cost"]!.GetValue<string>());
        var described = await _client.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId });
        Assert.True(JsonNode.DeepEquals(tags, described["IdentityPoolTags"]), described.Text);
    }

    [Fact]
    public async Task UntagResource_SomeKeys_RemovedOthersKept()
    {
        var (_, arn) = await CreatePoolAsync(new JsonObject { ["a"] = "1", ["b"] = "2", ["c"] = "3" });

        var untag = await _client.CallAsync("UntagResource", new { ResourceArn = arn, TagKeys = new List<string> { "a", "c", "not-there" } });
        var list = await _client.CallAsync("ListTagsForResource", new { ResourceArn = arn });

        Assert.Equal(HttpStatusCode.OK, untag.Status);
        Assert.Empty(untag.Body);
        Assert.Equal("2", Assert.Single(list["Tags"]!.AsObject()).Value!.GetValue<string>());
    }

    [Fact]
    public async Task ListTagsForResource_NoTags_EmptyMap()
    {
        var (_, arn) = await CreatePoolAsync(null);

        var list = await _client.CallAsync("ListTagsForResource", new { ResourceArn = arn });

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list["Tags"]!.AsObject());
    }

    [Fact]
    public async Task TagResource_BeyondFiftyTags_InvalidParameterAndNothingStored()
    {
        var initial = new JsonObject();
        for (var i = 0; i < 49; i++)
        {
            initial[$"k{i}"] = "v";
        }

        var (_, arn) = await CreatePoolAsync(initial);
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var fiftyFirst = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" } });

        Assert.Equal("InvalidParameterException", fiftyFirst.ErrorType);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
        var fiftieth = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["x"] = "1", ["k0"] = "w" } });
        Assert.Equal(HttpStatusCode.OK, fiftieth.Status);
    }

    [Fact]
    public async Task TagResource_ReservedKey_InvalidParameter()
    {
        var (_, arn) = await CreatePoolAsync(null);

        var response = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["AWS:owner"] = "me" } });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData("arn:aws:cognito-identity:us-east-1:000000000000:identitypool/us-east-1:55555555-5555-5555-5555-555555555555")]
    [InlineData("arn:aws:cognito-identity:us-east-1:123456789012:identitypool/{pool}")]
    [InlineData("arn:aws:cognito-identity:eu-west-1:000000000000:identitypool/{pool}")]
    [InlineData("arn:aws:cognito-idp:us-east-1:000000000000:userpool/{pool}")]
    [InlineData("not an arn at all, just text")]
    public async Task TaggingOperations_ArnOfNoPoolHere_ResourceNotFound(string arnTemplate)
    {
        var (poolId, _) = await CreatePoolAsync(null);
        var arn = arnTemplate.Replace("{pool}", poolId, StringComparison.Ordinal);

        var tag = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["a"] = "b" } });
        var untag = await _client.CallAsync("UntagResource", new { ResourceArn = arn, TagKeys = new List<string> { "a" } });
        var list = await _client.CallAsync("ListTagsForResource", new { ResourceArn = arn });

        Assert.Equal("ResourceNotFoundException", tag.ErrorType);
        Assert.Equal("ResourceNotFoundException", untag.ErrorType);
        Assert.Equal("ResourceNotFoundException", list.ErrorType);
    }

    [Fact]
    public async Task TagResource_ShortArn_InvalidParameter()
    {
        var response = await _client.CallAsync("TagResource", new { ResourceArn = "arn:short", Tags = new Dictionary<string, string>() });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task TagResource_Unsigned_MissingAuthenticationToken()
    {
        var (_, arn) = await CreatePoolAsync(null);

        var response = await _client.CallAsync("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["a"] = "b" } }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    private async Task<(string PoolId, string Arn)> CreatePoolAsync(JsonObject? tags)
    {
        var poolId = await _client.CreateIdentityPoolIdAsync(tags is null ? null : new JsonObject { ["IdentityPoolTags"] = tags });
        return (poolId, $"arn:aws:cognito-identity:us-east-1:000000000000:identitypool/{poolId}");
    }
}
