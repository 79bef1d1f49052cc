using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port that answers what a test sets per path: an OIDC issuer's
/// discovery document, a hanging or failing endpoint, an oversized body.
/// </summary>
public sealed class DiscoveryStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private DiscoveryStandIn(WebApplication app)
    {
        _app = app;
        _app.Run(context => _routes.TryGetValue(context.Request.Path.Value ?? "", out var handler)
            ? handler(context)
            : Results.NotFound().ExecuteAsync(context));
    }

    public string BaseUrl { get; private set; } = "";

    public static async Task<DiscoveryStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new DiscoveryStandIn(builder.Build());
        await standIn._app.StartAsync();
        standIn.BaseUrl = standIn._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    /// <summary>An issuer at <c>{BaseUrl}/{name}</c> whose discovery document names <paramref name="claimedIssuer"/>.</summary>
    public string Issuer(string name, string? claimedIssuer = null)
    {
        var issuer = BaseUrl + "/" + name;
        var document = new Dictionary<string, string>
        {
            ["issuer"] = claimedIssuer ?? issuer,
            ["authorization_endpoint"] = issuer + "/authorize",
            ["token_endpoint"] = issuer + "/token",
            ["userinfo_endpoint"] = issuer + "/userinfo",
            ["jwks_uri"] = issuer + "/jwks",
        };
        _routes["/" + name + "/.well-known/openid-configuration"] = context => Results.Json(document).ExecuteAsync(context);
        return issuer;
    }

    /// <summary>An issuer whose discovery path runs <paramref name="handler"/> (hang, fail, flood).</summary>
    public string Issuer(string name, Func<HttpContext, Task> handler)
    {
        _routes["/" + name + "/.well-known/openid-configuration"] = handler;
        return BaseUrl + "/" + name;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
