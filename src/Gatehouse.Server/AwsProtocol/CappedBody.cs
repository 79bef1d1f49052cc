namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Reads a whole body with a size cap, for requests and for upstream answers alike: Kestrel's and HttpClient's own
/// limits are per server or per client and HttpClient's holds only for its buffered helpers, while these caps are
/// per call and also hold for chunked bodies that declare no length.
/// </summary>
internal static class CappedBody
{
    /// <summary>The body, or null when <paramref name="declaredLength"/> or the bytes read pass <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int max, CancellationToken ct)
    {
        if (declaredLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>An HTTP answer's body, or null over the cap.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, int max, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(ct);
        return await ReadAsync(stream, content.Headers.ContentLength, max, ct);
    }
}
