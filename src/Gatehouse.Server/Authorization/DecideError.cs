using System.Text.Json.Serialization;

namespace Gatehouse.Server.Authorization;

/// <summary>An error of <c>POST /authorization/decide</c>, in the AWS JSON error shape.</summary>
internal sealed record DecideError([property: JsonPropertyName("__type")] string Type, [property: JsonPropertyName("message")] string Message);
