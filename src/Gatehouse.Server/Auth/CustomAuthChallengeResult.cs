using System.Text.Json.Serialization;

namespace Gatehouse.Server.Auth;

/// <summary>
/// One entry of the custom authentication <c>session</c> array Cognito passes to Define/Create Auth Challenge
/// (the developer guide's ChallengeResult: challengeName, challengeResult, challengeMetadata), in the order the
/// challenges were answered. Stored inside <see cref="CustomAuthSession"/> under short names to keep the sealed
/// Session within the model's 2048 characters; written to the trigger event under Cognito's names.
/// </summary>
internal sealed record CustomAuthChallengeResult(
    [property: JsonPropertyName("n")] string ChallengeName,
    [property: JsonPropertyName("r")] bool ChallengeResult,
    [property: JsonPropertyName("m")] string? ChallengeMetadata);
