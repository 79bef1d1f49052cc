using System.Net;
using System.Text;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.AwsProtocol;

/// <summary>
/// Signed operations reject every broken signature with AWS's error names. ListUserPools is a signed operation;
/// whether it is built or not, the signature is checked first.
/// </summary>
public sealed class SigV4Tests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Body = """{"MaxResults":10}""";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "63")]
    [Fact]
    public async Task Signed_NoAuthorization_MissingAuthenticationToken()
    {
        var response = await _client.SendAsync("ListUserPools", Body, sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "60")]
    [Fact]
    public async Task Signed_MalformedAuthorization_IncompleteSignature()
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
        {
            r.Headers.Remove("Authorization");
            r.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=only");
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("IncompleteSignature", response.ErrorType);
    }

    [Trait("SecurityRowPart", "60")]
    [Fact]
    public async Task Signed_MissingDate_IncompleteSignature()
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r => r.Headers.Remove("X-Amz-Date"));

        Assert.Equal("IncompleteSignature", response.ErrorType);
    }

    [Trait("SecurityRowPart", "62")]
    [Fact]
    public async Task Signed_UnknownKey_UnrecognizedClient()
    {
        var other = new AwsApiClient(factory.CreateClient(), factory.Clock, "AKGHUNKNOWN000000000", "whatever");

        var response = await other.SendAsync("ListUserPools", Body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UnrecognizedClientException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "62")]
    [Fact]
    public async Task Signed_WrongSecret_InvalidSignature()
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
            _client.Sign(r, Encoding.UTF8.GetBytes(Body), "cognito-idp", factory.Clock.GetUtcNow(), "wrong-secret"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "59")]
    [Fact]
    public async Task Signed_BodyChangedAfterSigning_InvalidSignature()
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
            r.Content = new StringContent("""{"MaxResults":11}""", Encoding.UTF8, "application/x-amz-json-1.1"));

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "61")]
    [Fact]
    public async Task Signed_WrongService_InvalidSignature()
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
            _client.Sign(r, Encoding.UTF8.GetBytes(Body), "cognito-identity", factory.Clock.GetUtcNow()));

        Assert.Equal("InvalidSignatureException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "57")]
    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Signed_OutsideFiveMinutes_InvalidSignature(int seconds)
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
            _client.Sign(r, Encoding.UTF8.GetBytes(Body), "cognito-idp", factory.Clock.GetUtcNow().AddSeconds(seconds)));

        Assert.Equal("InvalidSignatureException", response.ErrorType);
        Assert.Contains("Signature expired", response.Message);
    }

    [Trait("SecurityRowPart", "57")]
    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public async Task Signed_InsideFiveMinutes_Accepted(int seconds)
    {
        var response = await _client.SendAsync("ListUserPools", Body, tamper: r =>
            _client.Sign(r, Encoding.UTF8.GetBytes(Body), "cognito-idp", factory.Clock.GetUtcNow().AddSeconds(seconds)));

        Assert.NotEqual("InvalidSignatureException", response.ErrorType);
        Assert.NotEqual("UnrecognizedClientException", response.ErrorType);
    }

    [Fact]
    public async Task Unsigned_OperationWithSignature_SignatureIgnored()
    {
        // SignUp is noAuth: a request signed with a wrong secret is judged by its body, not its signature.
        var body = """{"ClientId":"abc","Username":"u","Password":"p"}""";
        var response = await _client.SendAsync("SignUp", body, tamper: r =>
            _client.Sign(r, Encoding.UTF8.GetBytes(body), "cognito-idp", factory.Clock.GetUtcNow(), "wrong"));

        Assert.NotEqual("InvalidSignatureException", response.ErrorType);
    }

    [Fact]
    public async Task Signed_MalformedJsonAfterValidSignature_SerializationException()
    {
        var response = await _client.SendAsync("ListUserPools", "{not json");

        Assert.True(response.ErrorType is "SerializationException" or "UnsupportedOperationException");
    }
}
