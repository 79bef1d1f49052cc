using System.Text.Json;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Reads an upstream JSON answer with a size cap: HttpClient's own <c>MaxResponseContentBufferSize</c> applies only to
/// its buffered helpers and is per client, so the cap here is per call and also holds for chunked answers.
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
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > maxBytes)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (Exception e) when (e is HttpRequestException or JsonException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
