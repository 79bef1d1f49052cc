using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The AWS JSON 1.1 entry point: any <c>POST</c> carrying <c>X-Amz-Target</c>, whatever its path
/// (protocol-notes §2). Order: known target → body within limits → SigV4 for signed operations → built →
/// JSON that parses → model validation → handler. Each step answers its AWS error; handlers never write HTTP.
/// </summary>
internal sealed class AwsJsonDispatcher(
    AwsOperationCatalog catalog,
    SigV4Verifier sigV4,
    AwsResponseWriter writer,
    IOptions<AwsProtocolOptions> options,
    ILogger<AwsJsonDispatcher> logger)
{
    public async Task HandleAsync(HttpContext context, string target)
    {
        var ct = context.RequestAborted;
        AwsResult result;
        try
        {
            result = await DispatchAsync(context, target, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request changed the same row between this one's read and write (AppDb bumps versions).
            result = AwsError.ConcurrentModification("The resource was modified by another request. Retry the request.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The one top-level catch (STYLE.md §3): a bug or a failed dependency, logged, answered as AWS does.
            Log.Unhandled(logger, ex, target);
            result = AwsError.InternalError("An internal error occurred.");
        }

        await writer.WriteAsync(context, result, ct);
    }

    private async Task<AwsResult> DispatchAsync(HttpContext context, string target, CancellationToken ct)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return AwsError.Serialization("AWS JSON requests use POST.");
        }

        if (!catalog.Inventory.Entries.TryGetValue(target, out var entry) || AwsOperationCatalog.IsQuery(entry.Prefix))
        {
            return AwsError.UnknownOperation($"Unknown operation {target}.");
        }

        if (await AwsRequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, ct) is not { } body)
        {
            return AwsError.RequestTooLarge("The request body is too large.");
        }

        if (entry.Signed
            && await sigV4.VerifyAsync(context.Request, body, entry, ct)
                is { } authError)
        {
            return authError;
        }

        if (!catalog.Built.TryGetValue(target, out var operation))
        {
            return AwsError.UnsupportedOperation(
                $"Gatehouse does not implement {entry.Name} yet; see docs/compatibility.md.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        }
        catch (JsonException)
        {
            return AwsError.Serialization("The request body is not valid JSON.");
        }

        using (document)
        {
            var model = catalog.Models[entry.Prefix];
            if (catalog.Validators[entry.Prefix].Validate(model.InputOf(entry.Name), document.RootElement)
                is { } invalid)
            {
                Log.RequestRejected(logger, entry.Name, invalid.Type);
                return invalid;
            }

            return await operation.Invoke(context.RequestServices, document.RootElement, ct);
        }
    }
}
