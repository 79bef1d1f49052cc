using System.Text.Json.Serialization;

namespace Gatehouse.Server.Auth;

/// <summary>
/// The <c>Session</c> of a custom authentication step (CUSTOM_CHALLENGE, or PASSWORD_VERIFIER when CUSTOM_AUTH
/// starts with SRP_A). Sealed by <see cref="AuthBlobSealer"/> with purpose <c>custom-auth-session</c> (so it cannot
/// pass for another kind of blob) around this record's JSON, format v1 (<see cref="Version"/> = 1):
/// <code>
/// { "v": 1, "id": random 128-bit hex (recorded in AuthSessionUses when answered: used once, on any node),
///   "p": pool id, "c": client id,
///   "u": the user's stored username, or the name it was asked as when the user does not exist,
///   "nf": userNotFound (the user does not exist and the client hides that),
///   "n": the challenge this Session answers, "e": expiry, Unix ms (now + the client's AuthSessionValidity),
///   "s": the session array so far (<see cref="CustomAuthChallengeResult"/>),
///   "pp": CreateAuthChallenge's privateChallengeParameters (sealed: the client cannot read them),
///   "m": CreateAuthChallenge's challengeMetadata }
/// </code>
/// Keys are short because the whole state rides in the Session, whose model length is at most 2048 characters.
/// </summary>
internal sealed record CustomAuthSession(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("p")] string PoolId,
    [property: JsonPropertyName("c")] string ClientId,
    [property: JsonPropertyName("u")] string Username,
    [property: JsonPropertyName("nf")] bool UserNotFound,
    [property: JsonPropertyName("n")] string ChallengeName,
    [property: JsonPropertyName("e")] long ExpiresAtMs,
    [property: JsonPropertyName("s")] IReadOnlyList<CustomAuthChallengeResult> Session,
    [property: JsonPropertyName("pp")] IReadOnlyDictionary<string, string>? PrivateChallengeParameters = null,
    [property: JsonPropertyName("m")] string? ChallengeMetadata = null)
{
    public const string Purpose = "custom-auth-session";
    public const int Version1 = 1;

    /// <summary>SessionType's maximum length in the model: a longer Session would be refused on the way back.</summary>
    public const int MaxSealedLength = 2048;
}
