using System.Text.Json.Serialization;

namespace Gatehouse.Server.HostedUi;

[JsonSerializable(typeof(SignInSession))]
[JsonSerializable(typeof(PendingNewPassword))]
[JsonSerializable(typeof(HostedMfaState))]
internal sealed partial class HostedUiJsonContext : JsonSerializerContext;
