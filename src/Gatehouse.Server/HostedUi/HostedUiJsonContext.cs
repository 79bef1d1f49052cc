using System.Text.Json.Serialization;

namespace Gatehouse.Server.HostedUi;

[JsonSerializable(typeof(SignInSession))]
[JsonSerializable(typeof(PendingNewPassword))]
internal sealed partial class HostedUiJsonContext : JsonSerializerContext;
