using System.Net;
using Gatehouse.Server.Federation;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// Providers for the OIDC federation tests, stored as CreateIdentityProvider stores them (through
/// <see cref="ProviderDetails"/>), and listed in the app client's SupportedIdentityProviders; and the steps of the
/// browser's round trip through <see cref="FakeOidcUpstream"/>.
/// </summary>
internal static class OidcTestSetup
{
    public static async Task AddProviderAsync(
        GatehouseFactory factory, OAuthSetup.Setup setup, string name, string type, Dictionary<string, string> details,
        Dictionary<string, string>? mapping = null, List<string>? identifiers = null, bool listed = true, bool cognito = true)
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = factory.Clock.GetUtcNow();
        var provider = new IdentityProvider
        {
            PoolId = setup.PoolId,
            ProviderName = name,
            ProviderType = type,
            DetailsProtected = string.Empty,
            CreatedAt = now,
            LastModifiedAt = now,
        };
        scope.ServiceProvider.GetRequiredService<ProviderDetails>().Write(provider, details);
        ProviderDetails.WriteMapping(provider, mapping ?? new() { ["email"] = "email" });
        ProviderDetails.WriteIdentifiers(provider, identifiers ?? []);
        db.IdentityProviders.Add(provider);
        var client = await db.AppClients.FirstAsync(c => c.ClientId == setup.ClientId, ct);
        var settings = UserPoolSettings.ReadClient(client);
        var supported = (settings.SupportedIdentityProviders ?? []).Where(p => cognito || p != "COGNITO").ToList();
        if (listed)
        {
            supported.Add(name);
        }

        client.Settings = UserPoolSettings.WriteClient(settings with { SupportedIdentityProviders = supported });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The upstream authorize redirect's parameters (state, nonce, PKCE challenge...).</summary>
    public static async Task<Dictionary<string, string>> StartAsync(FormBrowser browser, string url, FakeOidcUpstream upstream)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(upstream.BaseUrl + "/authorize?", location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static Task<HttpResponseMessage> CallbackAsync(FormBrowser browser, OAuthSetup.Setup setup, string state, string code = "upstream-code") =>
        browser.GetAsync($"{setup.Base}/oauth2/idpresponse?code={code}&state={Uri.EscapeDataString(state)}");

    public static async Task<int> UserCountAsync(GatehouseFactory factory, string poolId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Users
            .CountAsync(u => u.PoolId == poolId, TestContext.Current.CancellationToken);
    }
}
