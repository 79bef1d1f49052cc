using Fido2NetLib.Objects;

namespace Gatehouse.Server.Passkeys;

/// <summary>The transports as stored (space-separated WebAuthn names) and as the library's enum.</summary>
internal static class WebAuthnTransports
{
    private static readonly (string Name, AuthenticatorTransport Value)[] Names =
    [
        ("usb", AuthenticatorTransport.Usb), ("nfc", AuthenticatorTransport.Nfc), ("ble", AuthenticatorTransport.Ble),
        ("smart-card", AuthenticatorTransport.SmartCard), ("hybrid", AuthenticatorTransport.Hybrid),
        ("internal", AuthenticatorTransport.Internal),
    ];

    public static string Format(IEnumerable<AuthenticatorTransport>? transports) =>
        string.Join(' ', (transports ?? []).Select(t => Names.First(n => n.Value == t).Name).Distinct(StringComparer.Ordinal));

    public static AuthenticatorTransport[] Parse(string stored) =>
        [.. stored.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Names.FirstOrDefault(n => string.Equals(n.Name, s, StringComparison.Ordinal)))
            .Where(n => n.Name is not null)
            .Select(n => n.Value)];

    public static IReadOnlyList<string> List(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
