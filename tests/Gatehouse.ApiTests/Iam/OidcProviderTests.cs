using System.Net;
using Gatehouse.TestKit;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

public sealed class OidcProviderTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Thumbprint = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    private static string Host() => Name("idp") + ".example.com";

    private static string Arn(string hostPath) => $"arn:aws:iam::{Account}:oidc-provider/{hostPath}";

    [Fact]
    public async Task CreateOpenIDConnectProvider_Https_ArnOfHostAndPath()
    {
        var host = Host();

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host.ToUpperInvariant()}/tenant/"),
            ("ClientIDList.member.1", "app-1"), ("ClientIDList.member.2", "app-2"),
            ("ThumbprintList.member.1", Thumbprint), ("Tags.member.1.Key", "k"), ("Tags.member.1.Value", "v"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(response, "CreateOpenIDConnectProvider");
        Assert.Equal(Arn(host + "/tenant"), result.Text("OpenIDConnectProviderArn"));
        Assert.Equal("k", Assert.Single(result.Members("Tags")).Text("Key"));
    }

    [Fact]
    public async Task GetOpenIDConnectProvider_Existing_UrlWithoutSchemeAndLists()
    {
        var host = Host();
        await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"),
            ("ClientIDList.member.1", "app-1"), ("ThumbprintList.member.1", Thumbprint));

        var response = await _client.IamAsync("GetOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(host)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(response, "GetOpenIDConnectProvider");
        Assert.Equal(host, result.Text("Url"));
        Assert.Equal(["app-1"], result.Members("ClientIDList").Select(m => m.Value));
        Assert.Equal([Thumbprint], result.Members("ThumbprintList").Select(m => m.Value));
        Assert.NotEmpty(result.Text("CreateDate"));
        Assert.Null(result.Element(Ns + "Tags"));
    }

    [Fact]
    public async Task CreateOpenIDConnectProvider_NoThumbprints_AcceptedWithEmptyList()
    {
        var host = Host();

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"),
            ("ClientIDList.member.1", "app"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var result = Result(await _client.IamAsync("GetOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(host))),
            "GetOpenIDConnectProvider");
        Assert.Empty(result.Members("ThumbprintList"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/us-east-1_abc", "127.0.0.1:5000/us-east-1_abc")]
    [InlineData("http://localhost:8080", "localhost:8080")]
    [InlineData("http://[::1]:9000/pool", "[::1]:9000/pool")]
    public async Task CreateOpenIDConnectProvider_HttpLoopback_Accepted(string url, string hostPath)
    {
        await _client.IamAsync("DeleteOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(hostPath)));

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", url), ("ClientIDList.member.1", "c"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(Arn(hostPath), Result(response, "CreateOpenIDConnectProvider").Text("OpenIDConnectProviderArn"));
    }

    [Theory]
    [InlineData("http://idp.example.com")]
    [InlineData("https://idp.example.com/?tenant=1")]
    [InlineData("https://idp.example.com/#x")]
    [InlineData("ftp://idp.example.com")]
    [InlineData("idp.example.com")]
    public async Task CreateOpenIDConnectProvider_NotHttpsOrWithQuery_ValidationErrorAndNothingStored(string url)
    {
        var before = await IamStore.FingerprintAsync(factory);

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", url), ("ClientIDList.member.1", "c"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
        Assert.Equal(before, await IamStore.FingerprintAsync(factory));
    }

    [Fact]
    public async Task CreateOpenIDConnectProvider_SameHostPathTwice_EntityAlreadyExists409()
    {
        var host = Host();
        await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"), ("ClientIDList.member.1", "c"));

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}/"),
            ("ClientIDList.member.1", "d"));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("EntityAlreadyExists", response.ErrorCode);
    }

    [Fact]
    public async Task CreateOpenIDConnectProvider_SixThumbprints_InvalidInput()
    {
        var parameters = new List<(string, string)> { ("Url", $"https://{Host()}") };
        parameters.AddRange(Enumerable.Range(1, 6).Select(i => ($"ThumbprintList.member.{i}", Thumbprint)));

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", parameters.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
    }

    [Fact]
    public async Task CreateOpenIDConnectProvider_ShortThumbprint_ValidationError()
    {
        var response = await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{Host()}"),
            ("ThumbprintList.member.1", "abc"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ValidationError", response.ErrorCode);
    }

    [Fact]
    public async Task CreateOpenIDConnectProvider_101ClientIds_LimitExceeded()
    {
        var parameters = new List<(string, string)> { ("Url", $"https://{Host()}") };
        parameters.AddRange(Enumerable.Range(1, 101).Select(i => ($"ClientIDList.member.{i}", $"client-{i}")));

        var response = await _client.IamAsync("CreateOpenIDConnectProvider", parameters.ToArray());

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("LimitExceeded", response.ErrorCode);
    }

    [Fact]
    public async Task ListOpenIDConnectProviders_AfterCreate_ContainsArnAsMember()
    {
        var host = Host();
        await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"), ("ClientIDList.member.1", "c"));

        var response = await _client.IamAsync("ListOpenIDConnectProviders");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var arns = Result(response, "ListOpenIDConnectProviders").Members("OpenIDConnectProviderList")
            .Select(m => m.Text("Arn"));
        Assert.Contains(Arn(host), arns);
    }

    [Fact]
    public async Task GetOpenIDConnectProvider_Unknown_NoSuchEntity404()
    {
        var arn = Arn(Host());

        var response = await _client.IamAsync("GetOpenIDConnectProvider", ("OpenIDConnectProviderArn", arn));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NoSuchEntity", response.ErrorCode);
        Assert.Equal($"OpenIDConnect Provider not found for arn {arn}", response.Message);
    }

    [Fact]
    public async Task GetOpenIDConnectProvider_NotAnOidcArn_InvalidInput()
    {
        var response = await _client.IamAsync("GetOpenIDConnectProvider",
            ("OpenIDConnectProviderArn", $"arn:aws:iam::{Account}:role/SomeRole"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidInput", response.ErrorCode);
    }

    [Fact]
    public async Task DeleteOpenIDConnectProvider_Existing_GoneAndSecondDeleteSucceeds()
    {
        var host = Host();
        await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"), ("ClientIDList.member.1", "c"));

        var first = await _client.IamAsync("DeleteOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(host)));
        var second = await _client.IamAsync("DeleteOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(host)));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("NoSuchEntity",
            (await _client.IamAsync("GetOpenIDConnectProvider", ("OpenIDConnectProviderArn", Arn(host)))).ErrorCode);
    }
}
