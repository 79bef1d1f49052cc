using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Server.Messaging;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Messaging;

public sealed class OutboxEndpointTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task Outbox_SentEmail_ListedWithEveryField()
    {
        var to = Unique("mail@example.com");
        await SendAsync(
            new OutgoingMessage("us-east-1_Outbox1", MessageChannel.Email, to, "Your code", "Code: 123456"));

        var (status, messages) = await GetAsync($"?destination={Uri.EscapeDataString(to)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(messages)!.AsObject();
        Assert.True(message["id"]!.GetValue<long>() > 0);
        Assert.Equal("us-east-1_Outbox1", message["poolId"]!.GetValue<string>());
        Assert.Equal("EMAIL", message["channel"]!.GetValue<string>());
        Assert.Equal(to, message["destination"]!.GetValue<string>());
        Assert.Equal("Your code", message["subject"]!.GetValue<string>());
        Assert.Equal("Code: 123456", message["body"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(),
            DateTimeOffset.Parse(message["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                .ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Outbox_Sms_ChannelSmsAndNullSubject()
    {
        var to = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        await SendAsync(new OutgoingMessage(null, MessageChannel.Sms, to, null, "code 42"));

        var (_, messages) = await GetAsync($"?destination={Uri.EscapeDataString(to)}");

        var message = Assert.Single(messages)!.AsObject();
        Assert.Equal("SMS", message["channel"]!.GetValue<string>());
        Assert.True(message.ContainsKey("subject"));
        Assert.Null(message["subject"]);
        Assert.Null(message["poolId"]);
    }

    [Fact]
    public async Task Outbox_FilterByDestination_OnlyThatDestinationOldestFirst()
    {
        var to = Unique("a@example.com");
        var other = Unique("b@example.com");
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "1", "first"));
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, other, "x", "other"));
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "2", "second"));

        var (_, messages) = await GetAsync($"?destination={Uri.EscapeDataString(to)}");

        Assert.Equal(["first", "second"], messages.Select(m => m!["body"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Outbox_FilterByPool_OnlyThatPool()
    {
        var pool = "us-east-1_" + Guid.NewGuid().ToString("N")[..10];
        await SendAsync(new OutgoingMessage(pool, MessageChannel.Email, Unique("p@example.com"), "s", "in pool"));
        await SendAsync(
            new OutgoingMessage("us-east-1_Elsewhere", MessageChannel.Email, Unique("q@example.com"), "s", "not"));

        var (_, messages) = await GetAsync($"?poolId={pool}");

        Assert.Equal("in pool", Assert.Single(messages)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outbox_After_OnlyLaterMessages()
    {
        var to = Unique("after@example.com");
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "s", "old"));
        var (_, before) = await GetAsync($"?destination={Uri.EscapeDataString(to)}");
        var lastId = before[^1]!["id"]!.GetValue<long>();
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "s", "new"));

        var (_, messages) = await GetAsync($"?destination={Uri.EscapeDataString(to)}&after={lastId}");

        Assert.Equal("new", Assert.Single(messages)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outbox_MoreThanAHundred_NewestHundredOrAHundredAfter()
    {
        var to = Unique("many@example.com");
        for (var i = 0; i < 105; i++)
        {
            var body = "m" + i.ToString(CultureInfo.InvariantCulture);
            await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "s", body));
        }

        var (_, newest) = await GetAsync($"?destination={Uri.EscapeDataString(to)}");
        var (_, all) = await GetAsync($"?destination={Uri.EscapeDataString(to)}&after=0");

        Assert.Equal(100, newest.Count);
        Assert.Equal("m5", newest[0]!["body"]!.GetValue<string>());
        Assert.Equal("m104", newest[^1]!["body"]!.GetValue<string>());
        Assert.Equal(100, all.Count);
        Assert.Equal("m0", all[0]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outbox_BadAfter_BadRequest()
    {
        var (status, _) = await GetAsync("?after=abc");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Outbox_NoCredentials_Unauthorized()
    {
        using var response = await _http.GetAsync(OutboxEndpoint.Route, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData(GatehouseFactory.AccessKeyId, "wrong-secret")]
    [InlineData(GatehouseFactory.AccessKeyId, "")]
    [InlineData("AKGHUNKNOWNKEY000001", GatehouseFactory.SecretAccessKey)]
    [InlineData("", GatehouseFactory.SecretAccessKey)]
    public async Task Outbox_WrongCredentials_Unauthorized(string keyId, string secret)
    {
        var to = Unique("secret@example.com");
        await SendAsync(new OutgoingMessage(null, MessageChannel.Email, to, "s", "hidden"));

        var (status, messages) = await GetAsync($"?destination={Uri.EscapeDataString(to)}", Basic(keyId, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(messages);
    }

    [Theory]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer abc")]
    [InlineData("Basic bm9jb2xvbg==")]
    public async Task Outbox_MalformedAuthorization_Unauthorized(string authorization)
    {
        var (status, _) = await GetAsync("", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static string Unique(string address) => Guid.NewGuid().ToString("N")[..8] + "." + address;

    private static string Basic(string keyId, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId + ":" + secret));

    private async Task SendAsync(OutgoingMessage message)
    {
        var transport = factory.Services.GetRequiredService<IMessageTransport>();
        await transport.SendAsync(message, TestContext.Current.CancellationToken);
    }

    private async Task<(HttpStatusCode Status, JsonArray Messages)> GetAsync(string query, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OutboxEndpoint.Route + query);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(
            authorization ?? Basic(GatehouseFactory.AccessKeyId, GatehouseFactory.SecretAccessKey));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, []);
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (response.StatusCode, body["messages"]!.AsArray());
    }
}
