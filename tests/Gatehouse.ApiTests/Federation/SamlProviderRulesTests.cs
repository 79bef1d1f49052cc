using Gatehouse.Server.Federation;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Federation;

/// <summary>The SAML ProviderDetails rules that CreateIdentityProvider and UpdateIdentityProvider apply.</summary>
public sealed class SamlProviderRulesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>, IDisposable
{
    private readonly SamlTestIdp _idp = new();

    public void Dispose() => _idp.Dispose();

    [Fact]
    public async Task Complete_ValidMetadata_AddsSsoSloAndEncryptionCertificate()
    {
        var (details, error) = await CompleteAsync(new() { ["MetadataFile"] = _idp.Metadata, ["IDPSignout"] = "true" });

        Assert.Null(error);
        Assert.Equal(SamlTestIdp.SsoUrl, details!["SSORedirectBindingURI"]);
        Assert.Equal("https://idp.example.test/slo", details["SLORedirectBindingURI"]);
        Assert.True(details["ActiveEncryptionCertificate"].Length > 500);
        Assert.Equal("true", details["IDPSignout"]);
    }

    public static TheoryData<string, string> BadDetails() => new()
    {
        { "not-xml", "Could not parse metadata" },
        { "doctype", "Could not parse metadata" },
        { "no-certificate", "no signing certificate" },
        { "no-sso", "SingleSignOnService" },
        { "unknown-key", "not a valid ProviderDetails key" },
        { "bad-flag", "must be true or false" },
        { "bad-algorithm", "rsa-sha256" },
        { "both-sources", "Exactly one" },
        { "bad-url", "MetadataURL" },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task Complete_BadDetails_InvalidParameter(string kind, string message)
    {
        var metadata = _idp.Metadata;
        Dictionary<string, string> details = kind switch
        {
            "not-xml" => new() { ["MetadataFile"] = "this is not xml" },
            "doctype" => new() { ["MetadataFile"] = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + metadata },
            "no-certificate" => new() { ["MetadataFile"] = Remove(metadata, "<md:KeyDescriptor", "</md:KeyDescriptor>") },
            "no-sso" => new() { ["MetadataFile"] = Remove(metadata, "<md:SingleSignOnService", "/>") },
            "unknown-key" => new() { ["MetadataFile"] = metadata, ["client_id"] = "x" },
            "bad-flag" => new() { ["MetadataFile"] = metadata, ["IDPInit"] = "yes" },
            "bad-algorithm" => new() { ["MetadataFile"] = metadata, ["RequestSigningAlgorithm"] = "rsa-sha1" },
            "both-sources" => new() { ["MetadataFile"] = metadata, ["MetadataURL"] = "https://idp.example.test/metadata" },
            "bad-url" => new() { ["MetadataURL"] = "ftp://idp.example.test/metadata" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var (completed, error) = await CompleteAsync(details);

        Assert.Null(completed);
        Assert.Equal("InvalidParameterException", error!.Type);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_MetadataUrlUnreachable_InvalidParameterQuickly()
    {
        // Port 9 on loopback: nothing listens, so the fetch fails at once; the client's timeout bounds a slow one.
        var (completed, error) = await CompleteAsync(new() { ["MetadataURL"] = "http://127.0.0.1:9/metadata" });

        Assert.Null(completed);
        Assert.Equal("InvalidParameterException", error!.Type);
        Assert.Contains("Error retrieving metadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIdentityProvider_Saml_DescribeShowsAddedKeys()
    {
        var api = factory.CreateAwsClient();
        var pool = new { Id = (await OAuthSetup.CreateAsync(api)).PoolId };

        var created = await api.CallAsync("CreateIdentityProvider", new
        {
            UserPoolId = pool.Id,
            ProviderName = "CorpSaml",
            ProviderType = "SAML",
            ProviderDetails = new Dictionary<string, string> { ["MetadataFile"] = _idp.Metadata, ["IDPInit"] = "true" },
            AttributeMapping = new Dictionary<string, string> { ["email"] = "email" },
        });
        var refused = await api.CallAsync("CreateIdentityProvider", new
        {
            UserPoolId = pool.Id,
            ProviderName = "BadSaml",
            ProviderType = "SAML",
            ProviderDetails = new Dictionary<string, string> { ["MetadataFile"] = "<md:EntityDescriptor" },
        });
        var described = await api.CallAsync("DescribeIdentityProvider", new { UserPoolId = pool.Id, ProviderName = "CorpSaml" });

        Assert.True(created.Status == System.Net.HttpStatusCode.OK, created.Text);
        Assert.Equal("InvalidParameterException", refused.ErrorType);
        var details = described.Body["IdentityProvider"]!["ProviderDetails"]!;
        Assert.Equal(SamlTestIdp.SsoUrl, details["SSORedirectBindingURI"]!.GetValue<string>());
        Assert.NotNull(details["ActiveEncryptionCertificate"]);
    }

    private async Task<(Dictionary<string, string>? Details, Gatehouse.Server.AwsProtocol.AwsError? Error)> CompleteAsync(
        Dictionary<string, string> details)
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetServices<IProviderDetailsRules>().Single(r => r.Handles("SAML"));
        var outcome = await rules.CompleteAsync(pool.Id, "Corp", "SAML", details, TestContext.Current.CancellationToken);
        return (outcome.Details, outcome.Error);
    }

    private static string Remove(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from, StringComparison.Ordinal) + end.Length;
        return text[..from] + text[to..];
    }
}
