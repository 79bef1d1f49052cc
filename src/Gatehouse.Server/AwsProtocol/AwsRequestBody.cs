namespace Gatehouse.Server.AwsProtocol;

/// <summary>Reads an AWS request's body whole (SigV4 hashes it), for the JSON and the Query dispatcher alike.</summary>
internal static class AwsRequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken ct) =>
        CappedBody.ReadAsync(request.Body, request.ContentLength, limit, ct);
}
