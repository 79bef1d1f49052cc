using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.TestKit;

/// <summary>An AWS JSON answer: status, parsed body, and the error name when there is one.</summary>
public sealed record AwsResponse(HttpStatusCode Status, JsonObject Body, string Text)
{
    public string? ErrorType => Body["__type"]?.GetValue<string>();

    public string? Message => Body["message"]?.GetValue<string>();

    public JsonNode? this[string member] => Body[member];
}
