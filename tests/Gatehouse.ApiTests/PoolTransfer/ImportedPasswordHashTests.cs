using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.PoolTransfer;

namespace Gatehouse.ApiTests.PoolTransfer;

public sealed class ImportedPasswordHashTests
{
    [Fact]
    public void Scrypt_Rfc7914Vector_Matches()
    {
        // RFC 7914 §12: P="pleaseletmein", S="SodiumChloride", N=16384, r=8, p=1, dkLen=64.
        var key = Convert.FromHexString(
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
        var salt = Convert.ToBase64String("SodiumChloride"u8.ToArray()).TrimEnd('=');
        var encoded = $"$scrypt$ln=14,r=8,p=1${salt}${Convert.ToBase64String(key).TrimEnd('=')}";
        var hash = ImportedPasswordHash.Parse(encoded, out var error);
        Assert.Null(error);
        Assert.True(hash!.Matches("pleaseletmein"));
        Assert.False(hash.Matches("pleaseletmeout"));
    }

    [Fact]
    public void Bcrypt_RightAndWrongPassword()
    {
        var hash = ImportedPasswordHash.Parse(BCrypt.Net.BCrypt.HashPassword("s3cret!", 4), out _);
        Assert.True(hash!.Matches("s3cret!"));
        Assert.False(hash.Matches("s3cret?"));
    }

    [Fact]
    public void Pbkdf2_PasslibLayout_RightAndWrongPassword()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("pw-1"), salt, 29000, HashAlgorithmName.SHA256, 32);
        static string Ab64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '.');
        var hash = ImportedPasswordHash.Parse($"$pbkdf2-sha256$29000${Ab64(salt)}${Ab64(key)}", out var error);
        Assert.Null(error);
        Assert.True(hash!.Matches("pw-1"));
        Assert.False(hash.Matches("pw-2"));
    }

    [Fact]
    public void Argon2id_RightAndWrongPassword()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        using var argon = new Konscious.Security.Cryptography.Argon2id(Encoding.UTF8.GetBytes("pw-a"))
        {
            Salt = salt,
            MemorySize = 1024,
            Iterations = 2,
            DegreeOfParallelism = 1,
        };
        var key = argon.GetBytes(32);
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=');
        var hash = ImportedPasswordHash.Parse($"$argon2id$v=19$m=1024,t=2,p=1${B64(salt)}${B64(key)}", out var error);
        Assert.Null(error);
        Assert.True(hash!.Matches("pw-a"));
        Assert.False(hash.Matches("pw-b"));
    }

    [Theory]
    [InlineData("$2b$31$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234")]
    [InlineData("$scrypt$ln=24,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=1048576,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$pbkdf2-sha256$90000000$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$md5$nope")]
    public void Parse_OverCapOrUnknown_IsRefused(string encoded)
    {
        Assert.Null(ImportedPasswordHash.Parse(encoded, out var error));
        Assert.NotNull(error);
    }
}
