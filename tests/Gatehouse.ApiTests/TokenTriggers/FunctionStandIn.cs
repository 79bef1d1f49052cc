using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.ApiTests.TokenTriggers;

/// <summary>
/// A trigger function on 127.0.0.1: every event POSTed to it is kept, and it answers what the test's
/// <see cref="Handler"/> makes of the event (as a Lambda handler returns the event with its response filled in).
/// </summary>
public sealed class FunctionStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionStandIn(WebApplication app)
    {
        _app = app;
        _app.Run(async context =>
        {
            var received = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            Events.Enqueue(received);
            var answer = Handler(received.DeepClone().AsObject());
            if (answer is null)
            {
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync("not json at all");
                return;
            }

            // A function error, as an HTTP function reports one: a 4xx with {"errorMessage", "errorType"}.
            await Results.Json(answer, statusCode: answer["errorMessage"] is null ? 200 : 400).ExecuteAsync(context);
        });
    }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<JsonObject> Events { get; } = new();

    /// <summary>Makes the answer from the event; null answers a body that is not JSON.</summary>
    public Func<JsonObject, JsonObject?> Handler { get; set; } = e => e;

    public static async Task<FunctionStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new FunctionStandIn(builder.Build());
        await standIn._app.StartAsync();
        standIn.Url = standIn._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First() + "/fn";
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
