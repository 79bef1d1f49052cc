using Gatehouse.Server.Authorization;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.UnitTests.Authorization;

public sealed class ForwardAuthRequestTests
{
    [Trait("SecurityRowPart", "56")]
    [Fact]
    public void Signature_AwsSigV4TestSuiteGetVanilla_MatchesKnownAnswer()
    {
        // aws-sig-v4-test-suite "get-vanilla": GET / on example.amazonaws.com, 20150830T123600Z, service "service".
        var request = ForwardAuthRequest.From("GET", "/", "example.amazonaws.com")!;
        var header = SigV4Header.Parse("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")!;

        var signature = SigV4Verifier.ExpectedSignature(request.Method, request.CanonicalUri(header.Service),
            request.CanonicalQuery(), name => name == "host" ? request.Host : "20150830T123600Z",
            SigV4Signature.HexSha256([]), header, "20150830T123600Z", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

        Assert.Equal(header.Signature, signature);
    }

    [Theory]
    [InlineData("/private/us-east-1:abc/x", "execute-api", "/private/us-east-1%3Aabc/x")]
    [InlineData("/private/us-east-1%3Aabc/x", "execute-api", "/private/us-east-1%253Aabc/x")]
    [InlineData("/private/us-east-1%3Aabc/x", "s3", "/private/us-east-1%3Aabc/x")]
    [InlineData("/", "execute-api", "/")]
    public void CanonicalUri_ByService(string uri, string service, string canonical)
    {
        Assert.Equal(canonical, ForwardAuthRequest.From("GET", uri, "h")!.CanonicalUri(service));
    }

    [Theory]
    [InlineData("/x?b=2&a=1", "a=1&b=2")]
    [InlineData("/x?a=2&a=1", "a=1&a=2")]
    [InlineData("/x?flag&q=a%20b", "flag=&q=a%20b")]
    [InlineData("/x?q=a+b", "q=a%2Bb")]
    [InlineData("/x", "")]
    public void CanonicalQuery_SortedAndReencoded(string uri, string canonical)
    {
        Assert.Equal(canonical, ForwardAuthRequest.From("GET", uri, "h")!.CanonicalQuery());
    }

    [Theory]
    [InlineData("/private/us-east-1%3Aabc/x", "private/us-east-1:abc/x")]
    [InlineData("/public/a%20b.txt?x=1", "public/a b.txt")]
    [InlineData("/", "")]
    public void ResourcePath_NormalPath_IsDecodedWithoutLeadingSlash(string uri, string path)
    {
        Assert.Equal(path, ForwardAuthRequest.From("GET", uri, "h")!.ResourcePath());
    }

    [Theory]
    [InlineData("/private/a/../b/x")]
    [InlineData("/private/a/%2e%2e/b/x")]
    [InlineData("/private/./x")]
    [InlineData("/private//x")]
    [InlineData("/private/a%2Fb")]
    [InlineData("/private/a%5Cb")]
    [InlineData("/private/a\\b")]
    [InlineData("/private/a%00")]
    public void ResourcePath_NotNormal_IsNull(string uri)
    {
        Assert.Null(ForwardAuthRequest.From("GET", uri, "h")!.ResourcePath());
    }

    [Theory]
    [InlineData("", "/x", "h")]
    [InlineData("GET", "x", "h")]
    [InlineData("GET", "/x", "")]
    public void From_MissingPart_IsNull(string method, string uri, string host)
    {
        Assert.Null(ForwardAuthRequest.From(method, uri, host));
    }

    [Theory]
    [InlineData("api.example.com:8080", "api.example.com")]
    [InlineData("api.example.com", "api.example.com")]
    [InlineData("[::1]:8080", "[::1]")]
    public void HostName_WithoutPort(string host, string name)
    {
        Assert.Equal(name, ForwardAuthRequest.From("GET", "/", host)!.HostName());
    }
}
