using System.Text;
using Gatehouse.Server.Mfa;

namespace Gatehouse.UnitTests.Mfa;

public sealed class TotpCodesTests
{
    // RFC 6238 Appendix B, SHA-1 seed "12345678901234567890": the 8-digit values' last 6 digits.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Compute_Rfc6238Vectors(long unixSeconds, string expected)
    {
        Assert.Equal(expected, TotpCodes.Compute(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Trait("SecurityRow", "76")]
    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public void MatchStep_WindowIsOneStep(int offsetSeconds, bool matches)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_015);
        var code = TotpCodes.Compute(RfcSecret, now.AddSeconds(offsetSeconds));

        var step = TotpCodes.MatchStep(RfcSecret, code, now);

        Assert.Equal(matches, step is not null);
        if (step is { } matched)
        {
            Assert.Equal((now.ToUnixTimeSeconds() + offsetSeconds) / 30, matched);
        }
    }

    [Trait("SecurityRow", "76")]
    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("١٢٣٤٥٦")]
    [InlineData("12 456")]
    public void IsWellFormed_OnlySixAsciiDigits(string code)
    {
        Assert.False(TotpCodes.IsWellFormed(code));
        Assert.Null(TotpCodes.MatchStep(RfcSecret, code, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Base32_RoundTripsWithoutPadding()
    {
        var secret = TotpCodes.NewSecret();
        var text = TotpCodes.ToBase32(secret);

        Assert.Equal(32, text.Length);
        Assert.DoesNotContain('=', text);
        Assert.Equal(secret, TotpCodes.FromBase32(text));
    }
}
