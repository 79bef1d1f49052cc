using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.UnitTests.AwsProtocol;

public sealed class SigV4SignatureTests
{
    // The worked example of the AWS General Reference ("Examples of the complete Signature Version 4 signing
    // process", IAM ListUsers, 2015-08-30): its signing key and signature are published.
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Trait("SecurityRowPart", "56")]
    [Fact]
    public void SigningKey_AwsExample_MatchesPublishedKey()
    {
        var key = SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }

    [Trait("SecurityRowPart", "56")]
    [Fact]
    public void Signature_AwsExample_MatchesPublishedSignature()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("host", "iam.amazonaws.com"),
            new("x-amz-date", "20150830T123600Z"),
        };
        var canonical = SigV4Signature.CanonicalRequest(
            "GET", "/", "Action=ListUsers&Version=2010-05-08", headers, SigV4Signature.HexSha256([]));
        var toSign = SigV4Signature.StringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", canonical);
        var key = SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "iam");

        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", SigV4Signature.Signature(key, toSign));
    }

    [Theory]
    [InlineData("  a   b  ", "a b")]
    [InlineData("plain", "plain")]
    [InlineData("x  y z", "x y z")]
    public void CanonicalHeaderValue_Spaces_TrimmedAndCollapsed(string raw, string expected) =>
        Assert.Equal(expected, SigV4Signature.CanonicalHeaderValue(raw));

    [Theory]
    [InlineData("a b/c", false, "a%20b%2Fc")]
    [InlineData("a b/c", true, "a%20b/c")]
    [InlineData("~-_.", false, "~-_.")]
    [InlineData("é", false, "%C3%A9")]
    public void UriEncode_Rfc3986(string raw, bool keepSlash, string expected) =>
        Assert.Equal(expected, SigV4Signature.UriEncode(raw, keepSlash));

    [Trait("SecurityRowPart", "60")]
    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20261128/us-east-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20261128/us-east-1/cognito-idp/aws4_request, SignedHeaders=host", false)]
    [InlineData("AWS4-HMAC-SHA256 Credential=AK/20261128/us-east-1/cognito-idp, SignedHeaders=host, Signature=0000000000000000000000000000000000000000000000000000000000000000", false)]
    [InlineData("Bearer abc", false)]
    [InlineData("AWS4-HMAC-SHA256 garbage", false)]
    public void SigV4Header_Parse_AcceptsOnlyCompleteHeaders(string header, bool parses) =>
        Assert.Equal(parses, SigV4Header.Parse(header) is not null);
}
