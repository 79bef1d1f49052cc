using System.Text.Json;

namespace Gatehouse.Server.Federation;

/// <summary>An upstream's JSON answer (a 2xx with a JSON object), or why there is none (for the log; no secrets).</summary>
internal sealed record UpstreamReply(JsonElement? Json, string? Failure)
{
    public static UpstreamReply Failed(string failure) => new(null, failure);
}
