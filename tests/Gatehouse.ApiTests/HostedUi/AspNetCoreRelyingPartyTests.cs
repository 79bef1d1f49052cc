using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>
/// An ASP.NET Core app with <c>Microsoft.AspNetCore.Authentication.OpenIdConnect</c> (code flow, PKCE, nonce,
/// query response mode) signs a user in against Gatehouse: challenge → Gatehouse's sign-in form → callback → the
/// handler redeems the code and validates the ID token against the discovered issuer and JWKS → signed in.
/// </summary>
public sealed class AspNetCoreRelyingPartyTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string RpBase = "https://localhost";
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task OpenIdConnectHandler_SignsUserIn()
    {
        var setup = await OAuthSetup.CreateAsync(_api, clientSettings: new JsonObject
        {
            ["CallbackURLs"] = new JsonArray(RpBase + "/signin-oidc"),
        });
        using var rp = await StartRelyingPartyAsync(setup);
        var rpClient = rp.GetTestClient();
        rpClient.BaseAddress = new Uri(RpBase);
        var ct = TestContext.Current.CancellationToken;
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);

        using var challenge = await SendAsync(rpClient, jar, RpBase + "/me", ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!.ToString();
        Assert.StartsWith($"http://127.0.0.1/domains/{setup.Domain}/oauth2/authorize?", authorize, StringComparison.Ordinal);

        var browser = new FormBrowser(factory);
        using var toLogin = await browser.GetAsync(authorize);
        var login = await browser.GetPageAsync(toLogin.Headers.Location!.ToString());
        using var back = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));
        var callback = back.Headers.Location!.ToString();
        Assert.StartsWith(RpBase + "/signin-oidc?", callback, StringComparison.Ordinal);

        using var signedIn = await SendAsync(rpClient, jar, callback, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var me = await SendAsync(rpClient, jar, RpBase + "/me", ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(setup.Username, await me.Content.ReadAsStringAsync(ct));
    }

    private async Task<WebApplication> StartRelyingPartyAsync(OAuthSetup.Setup setup)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect(o =>
            {
                o.Authority = $"http://127.0.0.1/{setup.PoolId}";
                o.RequireHttpsMetadata = false;
                o.Backchannel = factory.CreateClient();
                o.ClientId = setup.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("email");
                o.TokenValidationParameters.NameClaimType = "cognito:username";
                o.MapInboundClaims = false;
            });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity?.Name ?? string.Empty).RequireAuthorization();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>Sends a GET with the jar's cookies and keeps the cookies the RP sets.</summary>
    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, Dictionary<string, string> jar, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                jar[pair[..at]] = pair[(at + 1)..];
            }
        }

        return response;
    }
}
