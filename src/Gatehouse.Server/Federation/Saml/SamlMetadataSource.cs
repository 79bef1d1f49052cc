using System.Text;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The metadata of a SAML provider's details: <c>MetadataFile</c> as given, or <c>MetadataURL</c> fetched (named
/// HttpClient <see cref="HttpClientName"/>: 5 s timeout, at most <see cref="MaxBytes"/>). A provider with a URL is
/// read at each sign-in, so a rotated IdP certificate is picked up as Cognito does.
/// </summary>
internal sealed class SamlMetadataSource(IHttpClientFactory http, TimeProvider clock)
{
    public const string HttpClientName = "saml-metadata";
    public const int MaxBytes = 512 * 1024;

    /// <summary>The metadata XML text, or the InvalidParameterException message.</summary>
    public async Task<(string? Xml, string? Error)> ReadAsync(IReadOnlyDictionary<string, string> details, CancellationToken ct)
    {
        var file = details.GetValueOrDefault("MetadataFile");
        var url = details.GetValueOrDefault("MetadataURL");
        if ((file is { Length: > 0 }) == (url is { Length: > 0 }))
        {
            return (null, SamlMessages.MetadataOneSource);
        }

        if (file is not null)
        {
            return file.Length > MaxBytes ? (null, SamlMessages.MetadataTooLarge) : (file, null);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return (null, SamlMessages.MetadataUrlInvalid);
        }

        return await FetchAsync(uri, ct);
    }

    /// <summary>The parsed metadata of <paramref name="details"/>, or the message.</summary>
    public async Task<(SamlMetadata? Metadata, string? Error)> LoadAsync(
        IReadOnlyDictionary<string, string> details, CancellationToken ct)
    {
        var (xml, error) = await ReadAsync(details, ct);
        return xml is null ? (null, error) : SamlMetadata.Parse(xml, clock.GetUtcNow());
    }

    private async Task<(string? Xml, string? Error)> FetchAsync(Uri uri, CancellationToken ct)
    {
        var failed = SamlMessages.MetadataFetchFailed(uri.ToString());
        try
        {
            using var response = await http.CreateClient(HttpClientName)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                return (null, failed);
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxBytes + 1];
            var total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    return (null, SamlMessages.MetadataTooLarge);
                }
            }

            return (Encoding.UTF8.GetString(buffer, 0, total), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Down, refused or slower than the client's timeout: Cognito's "Error retrieving metadata".
            return (null, failed);
        }
    }
}
