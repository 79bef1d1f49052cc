using Gatehouse.Server.Sts;

namespace Gatehouse.UnitTests.Sts;

public sealed class WebIdentityHostPathTests
{
    [Theory]
    [InlineData("https://accounts.google.com", "accounts.google.com")]
    [InlineData("https://Login.Example.COM/tenant/v2.0/", "login.example.com/tenant/v2.0")]
    [InlineData("https://idp.example.com:8443/x", "idp.example.com:8443/x")]
    [InlineData("http://127.0.0.1:7300/us-east-1_Abc", "127.0.0.1:7300/us-east-1_Abc")]
    [InlineData("http://localhost/us-east-1_Abc", "localhost/us-east-1_Abc")]
    public void HostPath_IssuerUrl_IsProviderHostPath(string issuer, string hostPath)
    {
        Assert.Equal(hostPath, WebIdentityTokenVerifier.HostPath(issuer));
    }

    [Theory]
    [InlineData("http://idp.example.com")]
    [InlineData("ftp://idp.example.com")]
    [InlineData("https://idp.example.com/?a=b")]
    [InlineData("https://idp.example.com/#f")]
    [InlineData("idp.example.com")]
    [InlineData("")]
    public void HostPath_NotAnAcceptedIssuer_IsNull(string issuer)
    {
        Assert.Null(WebIdentityTokenVerifier.HostPath(issuer));
    }
}
