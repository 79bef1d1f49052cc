using Gatehouse.Server.Iam;

namespace Gatehouse.UnitTests.Iam;

public sealed class IamTextTests
{
    [Theory]
    [InlineData("https://idp.example.com", "idp.example.com")]
    [InlineData("https://IDP.Example.com/Tenant/", "idp.example.com/Tenant")]
    [InlineData("https://idp.example.com:443/a", "idp.example.com/a")]
    [InlineData("https://idp.example.com:8443/a", "idp.example.com:8443/a")]
    [InlineData("http://127.0.0.1:5000/us-east-1_abc", "127.0.0.1:5000/us-east-1_abc")]
    [InlineData("http://127.8.9.10/x", "127.8.9.10/x")]
    [InlineData("http://localhost:8080/", "localhost:8080")]
    [InlineData("http://[::1]:9000/pool", "[::1]:9000/pool")]
    public void HostPath_AcceptedUrl_HostLowerCasedPortKeptSlashDropped(string url, string hostPath)
    {
        Assert.Equal(hostPath, IamOidcUrls.HostPath(url));
    }

    [Theory]
    [InlineData("http://idp.example.com")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://127.0.0.1.example.com")]
    [InlineData("https://idp.example.com/?a=b")]
    [InlineData("https://idp.example.com/#f")]
    [InlineData("https://user:pw@idp.example.com")]
    [InlineData("ftp://idp.example.com")]
    [InlineData("idp.example.com")]
    [InlineData("")]
    public void HostPath_RefusedUrl_Null(string url)
    {
        Assert.Null(IamOidcUrls.HostPath(url));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/a/", true)]
    [InlineData("/a/b-c_d.e/", true)]
    [InlineData("//", false)]
    [InlineData("/a", false)]
    [InlineData("a/", false)]
    [InlineData("/a b/", false)]
    [InlineData("/é/", false)]
    [InlineData("", false)]
    public void IsRolePath_Path_WholeValueRule(string path, bool valid)
    {
        Assert.Equal(valid, IamPaths.IsRolePath(path));
    }

    [Theory]
    [InlineData("{}", 2)]
    [InlineData("{ \"a\" :\t\"b c\" }\r\n", 10)]
    [InlineData("", 0)]
    public void Size_Document_CountsAllButWhiteSpace(string document, int size)
    {
        Assert.Equal(size, IamPolicyText.Size(document));
    }

    [Fact]
    public void Encode_Document_Rfc3986PercentEncodingWithUtf8()
    {
        Assert.Equal("%7B%22a%22%3A%20%22%C3%A9%2B~%2F%22%7D", IamPolicyText.Encode("{\"a\": \"é+~/\"}"));
    }
}
