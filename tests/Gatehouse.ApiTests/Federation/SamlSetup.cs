using System.IO.Compression;
using System.Net;
using System.Xml;
using Gatehouse.Server.Federation;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// A pool with a domain, an app client that supports the SAML provider <see cref="ProviderName"/>, and that
/// provider (its details completed by the server's SAML rules, as CreateIdentityProvider will), with helpers to
/// start an SP-initiated sign-in and post a response to <c>/saml2/idpresponse</c>.
/// </summary>
internal sealed class SamlSetup
{
    public const string ProviderName = "CorpSaml";

    private SamlSetup(GatehouseFactory factory, OAuthSetup.Setup oauth, SamlTestIdp idp)
    {
        Factory = factory;
        OAuth = oauth;
        Idp = idp;
        Browser = new FormBrowser(factory);
    }

    public GatehouseFactory Factory { get; }

    public OAuthSetup.Setup OAuth { get; }

    public SamlTestIdp Idp { get; }

    public FormBrowser Browser { get; }

    public string AcsUrl => $"http://127.0.0.1{OAuth.Base}/saml2/idpresponse";

    public string Audience => "urn:amazon:cognito:sp:" + OAuth.PoolId;

    public static async Task<SamlSetup> CreateAsync(
        GatehouseFactory factory, SamlTestIdp idp, Dictionary<string, string>? extraDetails = null)
    {
        var oauth = await OAuthSetup.CreateAsync(factory.CreateAwsClient());
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDb>();
        var given = new Dictionary<string, string>(extraDetails ?? [], StringComparer.Ordinal) { ["MetadataFile"] = idp.Metadata };
        var rules = services.GetServices<IProviderDetailsRules>().Single(r => r.Handles("SAML"));
        var outcome = await rules.CompleteAsync(oauth.PoolId, ProviderName, "SAML", given, ct);
        Assert.Null(outcome.Error);
        var now = factory.Clock.GetUtcNow();
        var provider = new IdentityProvider
        {
            PoolId = oauth.PoolId,
            ProviderName = ProviderName,
            ProviderType = "SAML",
            DetailsProtected = "",
            CreatedAt = now,
            LastModifiedAt = now,
        };
        services.GetRequiredService<ProviderDetails>().Write(provider, outcome.Details!);
        ProviderDetails.WriteMapping(provider, new Dictionary<string, string> { ["email"] = "email", ["name"] = "displayName" });
        db.IdentityProviders.Add(provider);
        var client = await db.AppClients.SingleAsync(c => c.ClientId == oauth.ClientId, ct);
        var settings = UserPoolSettings.ReadClient(client);
        client.Settings = UserPoolSettings.WriteClient(settings with { SupportedIdentityProviders = ["COGNITO", ProviderName] });
        await db.SaveChangesAsync(ct);
        return new SamlSetup(factory, oauth, idp);
    }

    /// <summary>Starts an SP-initiated sign-in: the AuthnRequest sent to the IdP (parsed) and the RelayState.</summary>
    public async Task<(XmlDocument Request, string RelayState, Dictionary<string, string> Query)> StartAsync()
    {
        using var response = await Browser.GetAsync(OAuth.AuthorizeUrl("&identity_provider=" + ProviderName));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(SamlTestIdp.SsoUrl + "?", location, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(query["SAMLRequest"])), CompressionMode.Decompress);
        var request = new XmlDocument();
        request.Load(inflate);
        return (request, query["RelayState"], query);
    }

    /// <summary>The options of a valid answer to <paramref name="request"/>.</summary>
    public SamlResponseOptions Answer(XmlDocument? request) => new(
        Factory.Clock.GetUtcNow(), request?.DocumentElement!.GetAttribute("ID"), AcsUrl, AcsUrl, Audience);

    public Task<HttpResponseMessage> PostAsync(string samlResponse, string? relayState) =>
        Browser.Http.PostAsync(OAuth.Base + "/saml2/idpresponse", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SAMLResponse"] = samlResponse,
            ["RelayState"] = relayState ?? "",
        }), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostAsync(XmlDocument response, string? relayState) =>
        PostAsync(SamlTestIdp.Encode(response), relayState);

    /// <summary>The authorize query an IdP-initiated sign-in carries in RelayState.</summary>
    public string IdpInitiatedRelayState() =>
        new Uri("http://x" + OAuth.AuthorizeUrl("&identity_provider=" + ProviderName)).Query.TrimStart('?');

    /// <summary>How many users the pool has whose name starts with the provider's (federated users).</summary>
    public async Task<int> FederatedUserCountAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Users.CountAsync(
            u => u.PoolId == OAuth.PoolId && u.Username.StartsWith(ProviderName + "_"), TestContext.Current.CancellationToken);
    }

    /// <summary>Refused: the error page (400) or an error redirect, no code, and no user created.</summary>
    public async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var parameters = OAuthSetup.RedirectParameters(response);
            Assert.False(parameters.ContainsKey("code"));
            Assert.True(parameters.ContainsKey("error"));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(0, await FederatedUserCountAsync());
    }
}
