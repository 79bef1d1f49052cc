using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The one way out to OIDC and social providers: the named client <see cref="HttpClientName"/> (the test seam), a
/// deadline over the whole exchange (headers and body: <c>HttpClient.Timeout</c> alone would not bound a body that
/// trickles in after the headers) and a cap on the body's size, read in chunks so a 10 MB answer is cut off at the cap
/// rather than buffered. Every failure is a value, never an exception.
/// </summary>
internal sealed class UpstreamClient(IHttpClientFactory factory, IOptions<UpstreamClientOptions> options)
{
    public const string HttpClientName = "Gatehouse.Federation.Upstream";

    public async Task<UpstreamReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await factory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await CappedBody.ReadAsync(response.Content, options.Value.MaxResponseBytes, deadline.Token);
            if (body is null)
            {
                return UpstreamReply.Failed("answer too large");
            }

            if (!response.IsSuccessStatusCode)
            {
                return UpstreamReply.Failed("HTTP " + (int)response.StatusCode);
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new UpstreamReply(document.RootElement.Clone(), null)
                : UpstreamReply.Failed("answer is not a JSON object");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return UpstreamReply.Failed("timed out");
        }
        catch (HttpRequestException e)
        {
            return UpstreamReply.Failed("unreachable: " + e.HttpRequestError);
        }
        catch (JsonException)
        {
            return UpstreamReply.Failed("answer is not JSON");
        }
    }
}
