using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.AwsProtocol;

public sealed class DispatchTests : IClassFixture<GatehouseFactory>
{
    private readonly GatehouseFactory _factory;
    private readonly AwsApiClient _client;

    public DispatchTests(GatehouseFactory factory)
    {
        _factory = factory;
        _client = factory.CreateAwsClient();
    }

    [Trait("SecurityRowPart", "82")]
    [Fact]
    public async Task Dispatch_UnknownOperation_UnknownOperationException()
    {
        var response = await _client.SendAsync("NoSuchOperation", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorType);
    }

    [Fact]
    public async Task Dispatch_UnknownServicePrefix_UnknownOperationException()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SomeOtherService.CreateUserPool");
        request.Content = new StringContent("{}");
        using var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException:", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Dispatch_OperationNotBuilt_UnsupportedOperationNamingIt()
    {
        // UpdateAuthEventFeedback is an unsigned operation this server does not build.
        var response = await _client.SendAsync("UpdateAuthEventFeedback",
            """{"UserPoolId":"us-east-1_x","Username":"u","EventId":"e","FeedbackToken":"t","FeedbackValue":"Valid"}""",
            sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UnsupportedOperationException", response.ErrorType);
        Assert.Contains("UpdateAuthEventFeedback", response.Message);
    }

    [Fact]
    public async Task Dispatch_AnyPath_Routed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/some/base/path/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.Nope");
        request.Content = new StringContent("{}");
        using var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Response_Always_CarriesRequestIdDateAndContentType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.Nope");
        request.Content = new StringContent("{}");
        using var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        Assert.NotNull(response.Headers.Date);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Preflight_BrowserOrigin_AllowsAwsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/");
        request.Headers.Add("Origin", "http://app.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent,cache-control");
        using var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("x-amz-target", allowed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dispatch_CrossOriginPost_ExposesRequestIdAndErrorType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("Origin", "http://app.example");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.Nope");
        request.Content = new StringContent("{}");
        using var response = await _client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("x-amzn-requestid", exposed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("x-amzn-errortype", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Trait("SecurityRowPart", "83")]
    [Fact]
    public async Task Dispatch_OversizedBody_RejectedWithoutReadingItAll()
    {
        var huge = "{\"UserPoolId\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var response = await _client.SendAsync("DescribeUserPool", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("RequestEntityTooLargeException", response.ErrorType);
    }

    [Fact]
    public async Task Health_Ready_AnswersOkOnTheConfiguredStore()
    {
        using var response = await _factory.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
