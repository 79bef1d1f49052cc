using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.TestKit;

/// <summary>
/// An upstream OpenID provider for the federation tests, on a real loopback port (Kestrel, 127.0.0.1:0): a JWKS at
/// <c>/jwks</c> (one RSA key, kid <see cref="Kid"/>), a token endpoint at <c>/token</c> that answers the ID token the
/// test hands it (<see cref="IdToken"/>) or misbehaves as <see cref="TokenMode"/> says (500, hang, 10 MB), and a
/// userInfo endpoint at <c>/userinfo</c>. Every token request's form is kept in <see cref="TokenRequests"/>.
/// </summary>
public sealed class FakeOidcUpstream : IAsyncDisposable
{
    public const string ClientId = "upstream-client";
    public const string ClientSecret = "upstream-secret";
    public const string Kid = "k1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);

    private FakeOidcUpstream(WebApplication app) => _app = app;

    public enum Mode
    {
        Normal,
        Status500,
        Hang,
        Huge,
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public string Issuer => BaseUrl;

    public Mode TokenMode { get; set; } = Mode.Normal;

    /// <summary>The ID token the token endpoint answers with; null answers none.</summary>
    public string? NextIdToken { get; set; }

    /// <summary>The userInfo answer (claims); null answers 404.</summary>
    public Dictionary<string, object>? UserInfo { get; set; }

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>The query string of every userInfo request.</summary>
    public ConcurrentQueue<string> UserInfoRequests { get; } = new();

    public static async Task<FakeOidcUpstream> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FakeOidcUpstream(app);
        upstream.Map(app);
        await app.StartAsync(ct);
        upstream.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return upstream;
    }

    /// <summary>The ProviderDetails of an OIDC provider pointing here (what CreateIdentityProvider stores after discovery).</summary>
    public Dictionary<string, string> Details(bool userInfo = false)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["authorize_scopes"] = "openid email profile",
            ["attributes_request_method"] = "GET",
            ["oidc_issuer"] = Issuer,
            ["authorize_url"] = BaseUrl + "/authorize",
            ["token_url"] = BaseUrl + "/token",
            ["jwks_uri"] = BaseUrl + "/jwks",
        };
        if (userInfo)
        {
            details["attributes_url"] = BaseUrl + "/userinfo";
        }

        return details;
    }

    /// <summary>
    /// An ID token: <c>iss</c> this issuer, <c>aud</c> <see cref="ClientId"/>, valid for an hour from <paramref name="now"/>,
    /// with <paramref name="claims"/> over those; signed RS256 with this key unless <paramref name="alg"/> is <c>none</c>.
    /// </summary>
    public string IdToken(DateTimeOffset now, Dictionary<string, object> claims, string alg = "RS256", string kid = Kid)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims)
        {
            payload[name] = value;
        }

        if (alg == "none")
        {
            var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
            return header + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + ".";
        }

        var key = new RsaSecurityKey(_key) { KeyId = kid };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            JsonSerializer.Serialize(payload), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = Kid });
            return Results.Json(new { keys = new[] { new { kty = "RSA", kid = Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await TokenAsync(context, form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        });

        // Facebook's token endpoint is called with GET.
        app.MapGet("/token", (Delegate)((HttpContext context) =>
            TokenAsync(context, context.Request.Query.ToDictionary(f => f.Key, f => f.Value.ToString()))));
        app.MapGet("/userinfo", (HttpContext context) =>
        {
            UserInfoRequests.Enqueue(context.Request.QueryString.Value ?? string.Empty);
            return UserInfo is null || context.Request.Headers.Authorization.ToString() != "Bearer upstream-access"
                ? Results.StatusCode(401)
                : Results.Json(UserInfo);
        });
    }

    private async Task<IResult> TokenAsync(HttpContext context, Dictionary<string, string> request)
    {
        TokenRequests.Enqueue(request);
        switch (TokenMode)
        {
            case Mode.Status500:
                return Results.StatusCode(500);
            case Mode.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return Results.StatusCode(500);
            case Mode.Huge:
                return Results.Text("{\"access_token\":\"" + new string('a', 10 * 1024 * 1024) + "\"}", "application/json");
            default:
                return Results.Json(NextIdToken is null
                    ? new Dictionary<string, object> { ["access_token"] = "upstream-access", ["token_type"] = "Bearer" }
                    : new Dictionary<string, object>
                    {
                        ["access_token"] = "upstream-access",
                        ["token_type"] = "Bearer",
                        ["id_token"] = NextIdToken,
                    });
        }
    }
}
