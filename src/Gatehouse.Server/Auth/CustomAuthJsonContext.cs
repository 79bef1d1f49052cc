using System.Text.Json.Serialization;

namespace Gatehouse.Server.Auth;

/// <summary>JSON of the sealed custom authentication Session.</summary>
[JsonSerializable(typeof(CustomAuthSession))]
internal sealed partial class CustomAuthJsonContext : JsonSerializerContext;
