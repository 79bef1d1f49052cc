using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Branding;

public sealed class UiCustomizationTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Css = ".submitButton-customizable { background-color: #0a7d3b; }";

    /// <summary>The 8-byte PNG signature and a few bytes: what the upload check reads.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private Task<AwsResponse> SetAsync(string poolId, string? clientId, string? css, byte[]? image) =>
        _client.CallAsync("SetUICustomization", new
        {
            UserPoolId = poolId,
            ClientId = clientId,
            CSS = css,
            ImageFile = image is null ? null : Convert.ToBase64String(image),
        });

    /// <summary>A pool with a prefix domain: SetUICustomization needs one.</summary>
    private async Task<string> PoolAsync()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await DomainAsync(poolId);
        return poolId;
    }

    private async Task DomainAsync(string poolId) =>
        AuthSetup.Ok(await _client.CallAsync("CreateUserPoolDomain",
            new { UserPoolId = poolId, Domain = "b" + Guid.NewGuid().ToString("N")[..12] }));

    private Task<AwsResponse> GetAsync(string poolId, string? clientId = null) =>
        _client.CallAsync("GetUICustomization", new { UserPoolId = poolId, ClientId = clientId });

    [Fact]
    public async Task SetUICustomization_PoolLevel_AnsweredForPoolAndForClientsWithoutTheirOwn()
    {
        var (poolId, clientId, _) = await _client.PoolAndClientAsync();
        await DomainAsync(poolId);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var set = await SetAsync(poolId, null, Css, Png);
        var pool = await GetAsync(poolId);
        var client = await GetAsync(poolId, clientId);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        var answer = set["UICustomization"]!;
        Assert.Equal(poolId, answer["UserPoolId"]?.GetValue<string>());
        Assert.Equal("ALL", answer["ClientId"]?.GetValue<string>());
        Assert.Equal(Css, answer["CSS"]?.GetValue<string>());
        Assert.NotNull(answer["CSSVersion"]);
        Assert.EndsWith("/logo.png", answer["ImageUrl"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, answer["LastModifiedDate"]?.GetValue<double>());
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, answer["CreationDate"]?.GetValue<double>());
        Assert.Equal(answer.ToJsonString(), pool["UICustomization"]?.ToJsonString());
        Assert.Equal(answer.ToJsonString(), client["UICustomization"]?.ToJsonString());
    }

    [Fact]
    public async Task SetUICustomization_ClientLevel_OverridesPoolForThatClientOnly()
    {
        var (poolId, clientA, _) = await _client.PoolAndClientAsync();
        await DomainAsync(poolId);
        var clientB = (await _client.CreateClientAsync(poolId))["ClientId"]!.GetValue<string>();
        await SetAsync(poolId, "ALL", Css, null);

        var own = await SetAsync(poolId, clientA, ".label-customizable { font-weight: 400; }", null);
        var forA = await GetAsync(poolId, clientA);
        var forB = await GetAsync(poolId, clientB);

        Assert.Equal(clientA, own["UICustomization"]?["ClientId"]?.GetValue<string>());
        Assert.Equal(clientA, forA["UICustomization"]?["ClientId"]?.GetValue<string>());
        Assert.Equal(".label-customizable { font-weight: 400; }", forA["UICustomization"]?["CSS"]?.GetValue<string>());
        Assert.Null(forA["UICustomization"]?["ImageUrl"]);
        Assert.Equal("ALL", forB["UICustomization"]?["ClientId"]?.GetValue<string>());
        Assert.Equal(Css, forB["UICustomization"]?["CSS"]?.GetValue<string>());
    }

    [Fact]
    public async Task GetUICustomization_NothingSet_OnlyPoolAndClient()
    {
        var poolId = await PoolAsync();

        var response = await GetAsync(poolId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal($$"""{"UserPoolId":"{{poolId}}","ClientId":"ALL"}""", response["UICustomization"]?.ToJsonString());
    }

    [Fact]
    public async Task SetUICustomization_SecondSetWithoutImage_ClearsImageKeepsCreationDate()
    {
        var poolId = await PoolAsync();
        var first = await SetAsync(poolId, null, Css, Png);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await SetAsync(poolId, null, Css, null);

        Assert.Null(second["UICustomization"]?["ImageUrl"]);
        Assert.Equal(first["UICustomization"]?["CreationDate"]?.GetValue<double>(),
            second["UICustomization"]?["CreationDate"]?.GetValue<double>());
        Assert.NotEqual(first["UICustomization"]?["CSSVersion"]?.GetValue<string>(),
            second["UICustomization"]?["CSSVersion"]?.GetValue<string>());
    }

    [Fact]
    public async Task ImageUrl_CurrentVersion_ServesTheLogoAndOldVersionNotFound()
    {
        var poolId = await PoolAsync();
        var old = new Uri((await SetAsync(poolId, null, Css, Png))["UICustomization"]!["ImageUrl"]!.GetValue<string>());
        var current = new Uri((await SetAsync(poolId, null, null, Png))["UICustomization"]!["ImageUrl"]!.GetValue<string>());
        using var http = factory.CreateClient();

        using var logo = await http.GetAsync(current.PathAndQuery, TestContext.Current.CancellationToken);
        using var stale = await http.GetAsync(old.PathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Theory]
    [InlineData(".my-own-class { color: red; }")]
    [InlineData("body { color: red; }")]
    [InlineData("@media (max-width: 10px) { .label-customizable { color: red; } }")]
    [InlineData("@import url(https://example.com/x.css);")]
    [InlineData(".label-customizable { background: url(javascript:alert(1)); }")]
    [InlineData(".label-customizable { color: red; ")]
    public async Task SetUICustomization_CssOutsideTheAllowedClasses_InvalidParameterAndNothingStored(string css)
    {
        var poolId = await PoolAsync();

        var response = await SetAsync(poolId, null, css, null);
        var stored = await GetAsync(poolId);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Null(stored["UICustomization"]?["CSS"]);
    }

    [Fact]
    public async Task SetUICustomization_ImageNotPngOrJpeg_InvalidParameter()
    {
        var poolId = await PoolAsync();

        var response = await SetAsync(poolId, null, Css, "GIF89a......"u8.ToArray());

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUICustomization_ImageOver100Kilobytes_InvalidParameter()
    {
        var poolId = await PoolAsync();
        var large = new byte[(100 * 1024) + 1];
        Png.CopyTo(large, 0);

        var response = await SetAsync(poolId, null, null, large);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUICustomization_UnknownClientOrPool_ResourceNotFound()
    {
        var poolId = await PoolAsync();

        var client = await SetAsync(poolId, "nosuchclient1234", Css, null);
        var pool = await SetAsync("us-east-1_nope12345", null, Css, null);
        var get = await GetAsync(poolId, "nosuchclient1234");

        Assert.Equal("ResourceNotFoundException", client.ErrorType);
        Assert.Equal("ResourceNotFoundException", pool.ErrorType);
        Assert.Equal("ResourceNotFoundException", get.ErrorType);
    }

    [Fact]
    public async Task SetUICustomization_PoolWithoutDomain_InvalidParameter()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var response = await SetAsync(poolId, null, Css, Png);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("There has to be an existing domain associated with this user pool.", response.Message);
    }
}
