using System.Text.Json.Serialization;

namespace Gatehouse.Server.Tokens;

/// <summary>Wire shapes of the token operations that the generated model does not have yet.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetTokensFromRefreshTokenRequest))]
[JsonSerializable(typeof(GetTokensFromRefreshTokenResponse))]
internal sealed partial class TokensJsonContext : JsonSerializerContext;
