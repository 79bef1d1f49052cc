namespace Gatehouse.Server.Tokens;

/// <summary>
/// Input of GetTokensFromRefreshToken (added to the API after the 2025-04 model the generated shapes come from;
/// members as in the current API reference). Members are optional here so that a missing one is answered with
/// InvalidParameterException by the handler, as the model validator does for modelled operations.
/// </summary>
internal sealed record GetTokensFromRefreshTokenRequest
{
    public string? RefreshToken { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? DeviceKey { get; init; }

    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
