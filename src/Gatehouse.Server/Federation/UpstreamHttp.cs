using System.Text.Json;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Reads an upstream JSON answer with a size cap (<see cref="CappedBody"/>) and a deadline.
/// </summary>
internal static class UpstreamHttp
{
    /// <summary>
    /// The document, or null on a transport error, a non-success status, a body over the cap, bad JSON or no whole
    /// answer within <paramref name="timeout"/> (headers and body together).
    /// </summary>
    public static async Task<JsonDocument?> GetJsonAsync(
        HttpClient client, Uri uri, int maxBytes, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode
                || await CappedBody.ReadAsync(response.Content, maxBytes, deadline.Token) is not { } body)
            {
                return null;
            }

            return JsonDocument.Parse(body);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
