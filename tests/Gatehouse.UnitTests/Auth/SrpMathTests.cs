using System.Numerics;
using Gatehouse.Server.Auth;

namespace Gatehouse.UnitTests.Auth;

/// <summary>
/// Known answers from shared/api/protocol-notes.md §11: produced by amazon-cognito-identity-js 6.3.21 and matched by
/// an independent computation.
/// </summary>
public sealed class SrpMathTests
{
    private const string PoolName = "TestPool1";
    private const string UserId = "7a1c5e0e-3f0b-4d5c-9a41-0d2b1f6a8c33";
    private const string Password = "Passw0rd!";
    private static readonly BigInteger Salt = SrpMath.ParseHex("9f2b6c11d04e7a88c3b5e2f1a0d9c877");
    private static readonly BigInteger ClientA = SrpMath.ParseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00");
    private static readonly BigInteger ServerB = SrpMath.ParseHex("5c3a9e0b1d7f2a4c6e8b0d2f4a6c8e0b1d3f5a7c9e0b2d4f6a8c0e1f3a5c7e9b");

    [Fact]
    public void K_MatchesClients() =>
        Assert.Equal("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", SrpMath.ToHex(SrpMath.K));

    [Fact]
    public void ComputeX_TestVector() =>
        Assert.Equal("e8e10c5a2119e533011a337408bf63d66c7602af90c005fb10d297a5caedf17b",
            SrpMath.ToHex(SrpMath.ComputeX(PoolName, UserId, Password, Salt)));

    [Fact]
    public void Verifier_TestVector()
    {
        var v = SrpMath.ToHex(SrpMath.Verifier(SrpMath.ComputeX(PoolName, UserId, Password, Salt)));

        Assert.Equal(768, v.Length);
        Assert.StartsWith("6b9c4d14f2a3a6565b56c10f", v, StringComparison.Ordinal);
        Assert.EndsWith("68ca2fa812ee6f57", v, StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "71")]
    [Fact]
    public void FullExchange_TestVector_SignatureMatchesClient()
    {
        var v = SrpMath.Verifier(SrpMath.ComputeX(PoolName, UserId, Password, Salt));
        var a = SrpMath.PowModN(SrpMath.G, ClientA);
        var b = SrpMath.ComputeB(v, ServerB);
        var u = SrpMath.ComputeU(a, b);
        var key = SrpMath.DerivedKey(u, SrpMath.ServerS(a, v, u, ServerB));
        var secretBlock = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();

        Assert.Equal(767, SrpMath.ToHex(a).Length);
        Assert.StartsWith("ddbb0aeb2851ac77c7202b9a", SrpMath.ToHex(a), StringComparison.Ordinal);
        Assert.StartsWith("e89ce9436a8e10343f33e1ba", SrpMath.ToHex(b), StringComparison.Ordinal);
        Assert.Equal("e7f3020db2bfb262b4a78a014b055aa1e878837382912c055f6197c1ada69ba2", SrpMath.ToHex(u));
        Assert.Equal("724953607c300899a350ca85b61d6463", Convert.ToHexStringLower(key));
        Assert.Equal("+r1yPkBh4Rsikeosb16agDqYps/zI+1gZbl3FoxsWR4=",
            SrpMath.ClaimSignature(key, PoolName, UserId, secretBlock, "Fri Nov 6 09:05:07 UTC 2026"));
    }

    [Fact]
    public void Gmp_AgreesWithManaged()
    {
        Assert.True(Gmp.Available, "libgmp.so.10 should be present on this machine kind");
        var value = SrpMath.ParseHex("123456789abcdef0fedcba9876543210") * SrpMath.K;
        var exponent = SrpMath.ParseHex("5c3a9e0b1d7f2a4c6e8b0d2f4a6c8e0b1d3f5a7c9e0b2d4f6a8c0e1f3a5c7e9b");

        Assert.Equal(BigInteger.ModPow(value, exponent, SrpMath.N), Gmp.PowModSecure(value, exponent, SrpMath.N));
    }

    [Theory]
    [InlineData("0", "00")]
    [InlineData("7f", "7f")]
    [InlineData("80", "0080")]
    [InlineData("abc", "0abc")]
    [InlineData("fff", "0fff")]
    public void PadHex_JavaByteArrayForm(string hex, string padded) =>
        Assert.Equal(padded, SrpMath.PadHex(SrpMath.ParseHex(hex)));
}
