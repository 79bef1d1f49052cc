namespace Gatehouse.Server.Auth;

/// <summary>
/// What the server must remember between InitiateAuth USER_SRP_AUTH and RespondToAuthChallenge
/// PASSWORD_VERIFIER (protocol-notes §11), carried by the client as <c>SECRET_BLOCK</c>: sealed by
/// <see cref="AuthBlobSealer"/> (purpose <c>srp-secret-block</c>) around this record's JSON, format v1.
/// <see cref="Id"/> makes the block single-use; <see cref="Username"/> is the stored username (USER_ID_FOR_SRP),
/// or the name the caller gave when no such user exists; <c>b</c>, <c>B</c> and <c>A</c> are lower-case hex.
/// </summary>
internal sealed record SrpSecretBlock(
    string Id,
    string PoolId,
    string ClientId,
    string Username,
    string SmallB,
    string LargeB,
    string LargeA,
    long IssuedAtMs)
{
    public const string Purpose = "srp-secret-block";
}
