using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// A password hash from another system, in its standard encoding, as <c>gatehouse import</c> takes it
/// (<c>passwordHash</c> on a user line, docs/pool-transfer.md):
/// <list type="bullet">
/// <item>bcrypt, modular crypt: <c>$2a$</c> / <c>$2b$</c> / <c>$2y$</c> + cost + <c>$</c> + 22 salt + 31 hash chars.</item>
/// <item>scrypt, PHC string (passlib's layout): <c>$scrypt$ln=&lt;log2 N&gt;,r=&lt;r&gt;,p=&lt;p&gt;$&lt;salt&gt;$&lt;hash&gt;</c>,
/// salt and hash in base64 without padding.</item>
/// <item>PBKDF2, passlib's layout: <c>$pbkdf2-sha256$&lt;rounds&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (also <c>$pbkdf2-sha512$</c> and
/// <c>$pbkdf2$</c> for SHA-1), salt and hash in passlib's "adapted" base64 (<c>.</c> for <c>+</c>, no padding); and
/// ASP.NET Core Identity's <c>PasswordHasher</c> formats: base64 of <c>0x01 ‖ prf ‖ rounds ‖ salt length ‖ salt ‖ key</c>
/// (v3, big-endian uint32s) or <c>0x00 ‖ salt[16] ‖ key[32]</c> (v2: SHA-1, 1000 rounds).</item>
/// <item>Argon2id, PHC string: <c>$argon2id$v=19$m=&lt;KiB&gt;,t=&lt;passes&gt;,p=&lt;lanes&gt;$&lt;salt&gt;$&lt;hash&gt;</c>.</item>
/// </list>
/// Work factors are capped (<see cref="Limits"/>) so that a hostile hash cannot make one sign-in burn seconds of CPU
/// or hundreds of MiB: a hash over a cap is refused at import. Derived keys are compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>; bcrypt's own <c>Verify</c> compares in constant time.
/// </summary>
internal sealed class ImportedPasswordHash
{
    /// <summary>The <see cref="Storage.SecretProtector"/> purpose of <c>User.ImportedPasswordHashProtected</c>.</summary>
    public const string ProtectPurpose = "imported-password-hash";

    /// <summary>The caps on work factors, checked at import and again before every verification.</summary>
    public static class Limits
    {
        public const int BcryptMaxCost = 13;
        public const int ScryptMaxMemoryBytes = 64 * 1024 * 1024;
        public const int ScryptMaxParallelism = 4;
        public const int Pbkdf2MaxIterations = 1_200_000;
        public const int Argon2MaxMemoryKib = 64 * 1024;
        public const int Argon2MaxPasses = 10;
        public const int Argon2MaxLanes = 8;
        public const int MaxSaltBytes = 64;
        public const int MinKeyBytes = 16;
        public const int MaxKeyBytes = 64;
    }

    private ImportedPasswordHash(string kind, string encoded)
    {
        Kind = kind;
        Encoded = encoded;
    }

    /// <summary><c>bcrypt</c>, <c>scrypt</c>, <c>pbkdf2</c> or <c>argon2id</c>.</summary>
    public string Kind { get; }

    public string Encoded { get; }

    private HashAlgorithmName Prf { get; init; }

    private int Cost { get; init; }

    private int BlockSize { get; init; }

    private int Parallelism { get; init; }

    private byte[] Salt { get; init; } = [];

    private byte[] Key { get; init; } = [];

    /// <summary>The hash, or null with the reason in <paramref name="error"/> (a format or cap violation).</summary>
    public static ImportedPasswordHash? Parse(string encoded, out string? error)
    {
        error = null;
        try
        {
            var hash = encoded switch
            {
                _ when encoded.StartsWith("$2", StringComparison.Ordinal) => ParseBcrypt(encoded),
                _ when encoded.StartsWith("$scrypt$", StringComparison.Ordinal) => ParseScrypt(encoded),
                _ when encoded.StartsWith("$pbkdf2", StringComparison.Ordinal) => ParsePasslibPbkdf2(encoded),
                _ when encoded.StartsWith("$argon2id$", StringComparison.Ordinal) => ParseArgon2id(encoded),
                _ when !encoded.StartsWith('$') => ParseAspNetIdentity(encoded),
                _ => throw new FormatException("unknown hash scheme (bcrypt, scrypt, pbkdf2, argon2id are known)"),
            };
            if (hash.Salt.Length > Limits.MaxSaltBytes)
            {
                throw new FormatException($"salt longer than {Limits.MaxSaltBytes} bytes");
            }

            if (hash.Kind != "bcrypt" && hash.Key.Length is < Limits.MinKeyBytes or > Limits.MaxKeyBytes)
            {
                throw new FormatException($"hash must be {Limits.MinKeyBytes} to {Limits.MaxKeyBytes} bytes");
            }

            return hash;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Whether <paramref name="password"/> is the one this hash was made from.</summary>
    public bool Matches(string password)
    {
        if (Kind == "bcrypt")
        {
            return BCrypt.Net.BCrypt.Verify(password, Encoded);
        }

        var computed = Kind switch
        {
            "scrypt" => ImportedScrypt.Derive(password, Salt, Cost, BlockSize, Parallelism, Key.Length),
            "pbkdf2" => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Salt, Cost, Prf, Key.Length),
            _ => DeriveArgon2id(password),
        };
        return CryptographicOperations.FixedTimeEquals(computed, Key);
    }

    private byte[] DeriveArgon2id(string password)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = Salt,
            MemorySize = BlockSize,
            Iterations = Cost,
            DegreeOfParallelism = Parallelism,
        };
        return argon.GetBytes(Key.Length);
    }

    private static ImportedPasswordHash ParseBcrypt(string encoded)
    {
        // $2b$12$ + 53 characters of bcrypt's base64; $2x$ (the old buggy variant) is not taken.
        if (encoded.Length != 60 || encoded[3] != '$' || encoded[6] != '$' || encoded[2] is not ('a' or 'b' or 'y'))
        {
            throw new FormatException("bcrypt hash must look like $2b$<cost>$<53 characters>");
        }

        var cost = ParseInt(encoded[4..6], "bcrypt cost");
        if (cost is < 4 or > Limits.BcryptMaxCost)
        {
            throw new FormatException($"bcrypt cost must be 4 to {Limits.BcryptMaxCost}");
        }

        if (encoded[7..].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '/')))
        {
            throw new FormatException("bcrypt hash has characters outside its alphabet");
        }

        return new ImportedPasswordHash("bcrypt", encoded) { Cost = cost };
    }

    private static ImportedPasswordHash ParseScrypt(string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 5 || Parameters(parts[2]) is not { } p
            || !p.TryGetValue("ln", out var ln) || !p.TryGetValue("r", out var r) || !p.TryGetValue("p", out var lanes))
        {
            throw new FormatException("scrypt hash must look like $scrypt$ln=<n>,r=<r>,p=<p>$<salt>$<hash>");
        }

        if (ln is < 1 or > 24 || r < 1 || lanes < 1 || lanes > Limits.ScryptMaxParallelism
            || 128L * r * (1L << ln) > Limits.ScryptMaxMemoryBytes)
        {
            throw new FormatException(
                $"scrypt parameters over the caps (128·r·2^ln ≤ {Limits.ScryptMaxMemoryBytes} bytes, p ≤ {Limits.ScryptMaxParallelism})");
        }

        return new ImportedPasswordHash("scrypt", encoded)
        {
            Cost = 1 << ln,
            BlockSize = r,
            Parallelism = lanes,
            Salt = Base64(parts[3], adapted: false),
            Key = Base64(parts[4], adapted: false),
        };
    }

    private static ImportedPasswordHash ParsePasslibPbkdf2(string encoded)
    {
        var parts = encoded.Split('$');
        var prf = parts.Length == 5 ? parts[1] switch
        {
            "pbkdf2" => HashAlgorithmName.SHA1,
            "pbkdf2-sha256" => HashAlgorithmName.SHA256,
            "pbkdf2-sha512" => HashAlgorithmName.SHA512,
            _ => default,
        } : default;
        if (prf == default)
        {
            throw new FormatException("pbkdf2 hash must look like $pbkdf2-sha256$<rounds>$<salt>$<hash>");
        }

        return Pbkdf2(encoded, prf, ParseInt(parts[2], "pbkdf2 rounds"),
            Base64(parts[3], adapted: true), Base64(parts[4], adapted: true));
    }

    private static ImportedPasswordHash ParseAspNetIdentity(string encoded)
    {
        var bytes = Base64(encoded, adapted: false);
        if (bytes is [0x00, ..] && bytes.Length == 49)
        {
            return Pbkdf2(encoded, HashAlgorithmName.SHA1, 1000, bytes[1..17], bytes[17..]);
        }

        if (bytes is not [0x01, ..] || bytes.Length < 13)
        {
            throw new FormatException("not a known hash format");
        }

        var prf = ReadUInt32(bytes, 1) switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => throw new FormatException("ASP.NET Core Identity hash names an unknown PRF"),
        };
        var rounds = ReadUInt32(bytes, 5);
        var saltLength = ReadUInt32(bytes, 9);
        if (rounds > int.MaxValue || saltLength > Limits.MaxSaltBytes || 13 + (int)saltLength >= bytes.Length)
        {
            throw new FormatException("ASP.NET Core Identity hash is malformed");
        }

        var salt = bytes[13..(13 + (int)saltLength)];
        return Pbkdf2(encoded, prf, (int)rounds, salt, bytes[(13 + (int)saltLength)..]);
    }

    private static ImportedPasswordHash Pbkdf2(string encoded, HashAlgorithmName prf, int rounds, byte[] salt, byte[] key)
    {
        if (rounds is < 1 or > Limits.Pbkdf2MaxIterations)
        {
            throw new FormatException($"pbkdf2 rounds must be 1 to {Limits.Pbkdf2MaxIterations}");
        }

        return new ImportedPasswordHash("pbkdf2", encoded) { Prf = prf, Cost = rounds, Salt = salt, Key = key };
    }

    private static ImportedPasswordHash ParseArgon2id(string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 6 || parts[2] != "v=19" || Parameters(parts[3]) is not { } p
            || !p.TryGetValue("m", out var m) || !p.TryGetValue("t", out var t) || !p.TryGetValue("p", out var lanes))
        {
            throw new FormatException("argon2id hash must look like $argon2id$v=19$m=<KiB>,t=<t>,p=<p>$<salt>$<hash>");
        }

        if (lanes is < 1 or > Limits.Argon2MaxLanes || t is < 1 or > Limits.Argon2MaxPasses
            || m < 8 * lanes || m > Limits.Argon2MaxMemoryKib)
        {
            throw new FormatException(
                $"argon2id parameters over the caps (m ≤ {Limits.Argon2MaxMemoryKib} KiB, t ≤ {Limits.Argon2MaxPasses}, p ≤ {Limits.Argon2MaxLanes})");
        }

        var salt = Base64(parts[4], adapted: false);
        if (salt.Length < 8)
        {
            throw new FormatException("argon2id salt must be at least 8 bytes");
        }

        return new ImportedPasswordHash("argon2id", encoded)
        {
            BlockSize = m,
            Cost = t,
            Parallelism = lanes,
            Salt = salt,
            Key = Base64(parts[5], adapted: false),
        };
    }

    private static Dictionary<string, int>? Parameters(string text)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in text.Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(pair[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || !result.TryAdd(pair[..eq], value))
            {
                return null;
            }
        }

        return result;
    }

    private static int ParseInt(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{what} is not a number");

    private static uint ReadUInt32(byte[] bytes, int offset) =>
        (uint)(bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3]);

    /// <summary>Base64 without padding; passlib's adapted alphabet writes <c>.</c> for <c>+</c>.</summary>
    private static byte[] Base64(string text, bool adapted)
    {
        var s = adapted ? text.Replace('.', '+') : text;
        s = s.TrimEnd('=');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var written)
            ? buffer[..written]
            : throw new FormatException("salt or hash is not base64");
    }
}
