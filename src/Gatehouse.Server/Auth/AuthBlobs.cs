using System.Text.Json;

namespace Gatehouse.Server.Auth;

/// <summary>Seals and opens the typed blobs (<see cref="SrpSecretBlock"/>, <see cref="AuthSession"/>).</summary>
internal sealed class AuthBlobs(AuthBlobSealer sealer)
{
    public string Seal(SrpSecretBlock block) =>
        sealer.Seal(SrpSecretBlock.Purpose, JsonSerializer.SerializeToUtf8Bytes(block, AuthJsonContext.Default.SrpSecretBlock));

    public string Seal(AuthSession session) =>
        sealer.Seal(AuthSession.Purpose, JsonSerializer.SerializeToUtf8Bytes(session, AuthJsonContext.Default.AuthSession));

    public SrpSecretBlock? OpenSecretBlock(string text) =>
        sealer.Open(SrpSecretBlock.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.SrpSecretBlock)
            : null;

    public AuthSession? OpenSession(string text) =>
        sealer.Open(AuthSession.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.AuthSession)
            : null;
}
