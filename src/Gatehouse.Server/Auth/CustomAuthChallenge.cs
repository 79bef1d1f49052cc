namespace Gatehouse.Server.Auth;

/// <summary>What CreateAuthChallenge answered for one CUSTOM_CHALLENGE.</summary>
internal sealed record CustomAuthChallenge(
    IReadOnlyDictionary<string, string> PublicChallengeParameters,
    IReadOnlyDictionary<string, string> PrivateChallengeParameters,
    string? ChallengeMetadata);
