using System.Text;
using System.Text.Json;
using Gatehouse.Server.HostedUi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The AWS Query entry point (IAM, STS): <c>POST /</c> with a form body, or <c>GET /?Action=...</c> as STS also
/// accepts. Order, as for JSON: a known action of the service its <c>Version</c> names → body within limits →
/// SigV4 for signed operations (service <c>iam</c> or <c>sts</c>) → built → parameters read by the input shape →
/// model validation → handler → <see cref="AwsQueryWriter"/>.
/// </summary>
internal sealed class AwsQueryDispatcher(
    AwsOperationCatalog catalog,
    SigV4Verifier sigV4,
    AwsQueryWriter writer,
    IOptions<AwsProtocolOptions> options,
    ILogger<AwsQueryDispatcher> logger)
{
    private static readonly (string Prefix, string Version, string Namespace)[] Services =
    [
        (AwsOperationInventory.StsPrefix, "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/"),
        (AwsOperationInventory.IamPrefix, "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/"),
    ];

    /// <summary>Whether a request is an AWS Query call: no X-Amz-Target, at the root, form-encoded or with ?Action.</summary>
    public static bool Accepts(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("X-Amz-Target") || context.Features.Get<PoolDomainContext>() is not null
            || (request.Path.Value is { Length: > 0 } path && path != "/"))
        {
            return false;
        }

        return HttpMethods.IsPost(request.Method)
            ? request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            : HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("Action");
    }

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var service = Services[1];
        string? operation = null;
        AwsResult result;
        try
        {
            (result, service, operation) = await DispatchAsync(context, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            result = AwsError.IamConcurrentModification("The resource was modified by another request. Retry the request.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The one top-level catch (STYLE.md §3): a bug or a failed dependency, logged, answered as AWS does.
            Log.Unhandled(logger, ex, operation ?? "AWS Query request");
            result = AwsError.InternalError("An internal error occurred.");
        }

        await writer.WriteAsync(context, service.Namespace, catalog.Models[service.Prefix], operation, result, ct);
    }

    private async Task<(AwsResult, (string Prefix, string Version, string Namespace), string?)> DispatchAsync(
        HttpContext context, CancellationToken ct)
    {
        var fallback = Services[1];
        if (await AwsRequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, ct) is not { } body)
        {
            return (AwsError.RequestTooLarge("The request body is too large."), fallback, null);
        }

        var form = new Dictionary<string, StringValues>(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)), StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
        {
            form.TryAdd(key, value);
        }

        var action = form.TryGetValue("Action", out var a) ? a.ToString() : "";
        var version = form.TryGetValue("Version", out var v) ? v.ToString() : "";
        if (action.Length == 0)
        {
            return (AwsError.MissingAction("Missing Action"), fallback, null);
        }

        // The Version names the service; without it, the action does (STS and IAM share no action we serve).
        var service = Services.FirstOrDefault(s => s.Version == version);
        if (service.Prefix is null)
        {
            service = Services.FirstOrDefault(s => version.Length == 0 && catalog.Inventory.Entries.ContainsKey($"{s.Prefix}.{action}"));
            if (service.Prefix is null)
            {
                return (AwsError.InvalidAction($"Could not find operation {action} for version {version}"), fallback, null);
            }
        }

        if (!catalog.Inventory.Entries.TryGetValue($"{service.Prefix}.{action}", out var entry))
        {
            return (AwsError.InvalidAction($"Could not find operation {action} for version {version}"), service, null);
        }

        var result = await InvokeAsync(context, entry, body, form, ct);
        return (result, service, result.Error is null ? entry.Name : null);
    }

    private async Task<AwsResult> InvokeAsync(
        HttpContext context, InventoryEntry entry, byte[] body, Dictionary<string, StringValues> form, CancellationToken ct)
    {
        if (entry.Signed
            && await sigV4.VerifyAsync(context.Request, body, entry, ct) is { } authError)
        {
            return authError;
        }

        if (!catalog.Built.TryGetValue(entry.Target, out var operation))
        {
            return AwsError.UnsupportedOperation($"Gatehouse does not implement {entry.Name} yet; see docs/compatibility.md.");
        }

        var model = catalog.Models[entry.Prefix];
        var input = model.InputOf(entry.Name);
        using var document = JsonDocument.Parse(AwsQueryReader.Read(model, input, form).ToJsonString());
        if (catalog.Validators[entry.Prefix].Validate(input, document.RootElement) is { } invalid)
        {
            Log.RequestRejected(logger, entry.Name, invalid.Type);
            return invalid;
        }

        return await operation.Invoke(context.RequestServices, document.RootElement, ct);
    }
}
