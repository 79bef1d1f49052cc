using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// The app client secret at rest: encrypted by <see cref="SecretProtector"/> with this purpose, because
/// SECRET_HASH checks and client authentication at /oauth2/token need it back.
/// </summary>
internal static class AppClientSecret
{
    public const string Purpose = "AppClient.Secret";

    public static string? Reveal(SecretProtector protector, AppClient client) =>
        client.SecretProtected is { } value ? protector.Unprotect(Purpose, value) : null;
}
