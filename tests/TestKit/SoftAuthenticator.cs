using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.TestKit;

/// <summary>
/// A WebAuthn authenticator in software for the API tests: one ES256 (P-256) credential, attestation <c>none</c>,
/// its responses built byte by byte as W3C WebAuthn Level 2 §6.1 (authenticator data) and §6.5 (attestation
/// object, CBOR) lay them out, as the browser's JSON forms (base64url members). Every field a relying party checks
/// can be bent (<see cref="Bend"/>) to test that it is checked.
/// </summary>
public sealed class SoftAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>The counter the next response carries; incremented after each assertion when non-zero.</summary>
    public uint SignCount { get; set; } = 1;

    /// <summary>The user handle (user.id) of the creation options, sent back in assertions.</summary>
    public byte[]? UserHandle { get; set; }

    /// <summary>What a test bends in one response; null members keep the honest value.</summary>
    public sealed record Bend(
        string? Origin = null, string? RpId = null, byte[]? Challenge = null, bool UserPresent = true,
        bool UserVerified = true, bool BreakSignature = false, uint? SignCount = null, string? Type = null);

    /// <summary>RegistrationResponseJSON for CredentialCreationOptions JSON, from <paramref name="origin"/>.</summary>
    public JsonObject Register(JsonNode options, string origin, Bend? bend = null)
    {
        bend ??= new Bend();
        var rpId = bend.RpId ?? options["rp"]!["id"]!.GetValue<string>();
        UserHandle = Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>());
        var challenge = bend.Challenge ?? Base64Url.DecodeFromChars(options["challenge"]!.GetValue<string>());
        var clientData = ClientData(bend.Type ?? "webauthn.create", challenge, bend.Origin ?? origin);
        var parameters = _key.ExportParameters(false);
        var coseKey = Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(parameters.Q.X!)), (Cbor.Int(-3), Cbor.Bytes(parameters.Q.Y!)));
        var idLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(idLength, (ushort)CredentialId.Length);
        byte[] authData = [.. AuthData(rpId, Flags(bend) | AttestedData, bend.SignCount ?? 0), .. new byte[16],
            .. idLength, .. CredentialId, .. coseKey];
        var attestation = Cbor.Map(
            (Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()),
            (Cbor.Text("authData"), Cbor.Bytes(authData)));
        return new JsonObject
        {
            ["id"] = CredentialIdText,
            ["rawId"] = CredentialIdText,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
                ["attestationObject"] = Base64Url.EncodeToString(attestation),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
            ["authenticatorAttachment"] = "platform",
        };
    }

    /// <summary>AuthenticationResponseJSON for CREDENTIAL_REQUEST_OPTIONS JSON, from <paramref name="origin"/>.</summary>
    public JsonObject Assert(JsonNode options, string origin, Bend? bend = null)
    {
        bend ??= new Bend();
        var rpId = bend.RpId ?? options["rpId"]!.GetValue<string>();
        var challenge = bend.Challenge ?? Base64Url.DecodeFromChars(options["challenge"]!.GetValue<string>());
        var clientData = ClientData(bend.Type ?? "webauthn.get", challenge, bend.Origin ?? origin);
        var authData = AuthData(rpId, Flags(bend), bend.SignCount ?? SignCount);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        if (bend.BreakSignature)
        {
            signature[^1] ^= 0x01;
        }

        if (bend.SignCount is null && SignCount > 0)
        {
            SignCount++;
        }

        var response = new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
        };
        if (UserHandle is not null)
        {
            response["userHandle"] = Base64Url.EncodeToString(UserHandle);
        }

        return new JsonObject
        {
            ["id"] = CredentialIdText,
            ["rawId"] = CredentialIdText,
            ["type"] = "public-key",
            ["response"] = response,
            ["clientExtensionResults"] = new JsonObject(),
            ["authenticatorAttachment"] = "platform",
        };
    }

    public void Dispose() => _key.Dispose();

    private static byte Flags(Bend bend) =>
        (byte)((bend.UserPresent ? UserPresent : 0) | (bend.UserVerified ? UserVerified : 0));

    private static byte[] ClientData(string type, byte[] challenge, string origin) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = type,
            ["challenge"] = Base64Url.EncodeToString(challenge),
            ["origin"] = origin,
            ["crossOrigin"] = false,
        }.ToJsonString());

    private static byte[] AuthData(string rpId, int flags, uint signCount)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)flags, .. counter];
    }

    /// <summary>The few CBOR items (RFC 8949 §3) the responses need: integers, byte and text strings, maps.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

        public static byte[] Text(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return [.. Head(3, (ulong)bytes.Length), .. bytes];
        }

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong value)
        {
            var type = (byte)(major << 5);
            return value switch
            {
                < 24 => [(byte)(type | (byte)value)],
                < 0x100 => [(byte)(type | 24), (byte)value],
                < 0x10000 => [(byte)(type | 25), (byte)(value >> 8), (byte)value],
                _ => [(byte)(type | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
            };
        }
    }
}
