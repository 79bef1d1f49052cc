using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.ApiTests.Triggers;

/// <summary>
/// A trigger function on a real loopback port (127.0.0.1:0): every call's path, headers and body are kept in
/// <see cref="Calls"/>, and <see cref="Answer"/> decides the reply (by default the event back unchanged, as a
/// handler that returns <c>event</c> does).
/// </summary>
public sealed class FunctionStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionStandIn(WebApplication app)
    {
        _app = app;
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var call = new Received(context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body);
            Calls.Enqueue(call);
            Arrived.TrySetResult();
            await Answer(context, call);
        });
    }

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<Received> Calls { get; } = new();

    /// <summary>Completes when the first call arrives.</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<HttpContext, Received, Task> Answer { get; set; } = (context, call) => Json(context, call.Body);

    public static async Task<FunctionStandIn> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new FunctionStandIn(builder.Build());
        await standIn._app.StartAsync(ct);
        standIn.BaseUrl = standIn._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    /// <summary>Answers the event back after <paramref name="change"/> edits it.</summary>
    public static Func<HttpContext, Received, Task> Edit(Action<JsonObject> change) => (context, call) =>
    {
        var answered = JsonNode.Parse(call.Body)!.AsObject();
        change(answered);
        return Json(context, answered.ToJsonString());
    };

    public static async Task Json(HttpContext context, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Received(string PathAndQuery, Dictionary<string, string> Headers, string Body)
    {
        public JsonObject Event => JsonNode.Parse(Body)!.AsObject();
    }
}
