using Gatehouse.Server.Storage;
using Gatehouse.Server.Sts;

namespace Gatehouse.UnitTests.Sts;

public sealed class SessionCredentialsTests
{
    private static readonly SessionTokenSealer Sealer = new(new SecretProtector(
        MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(new byte[32]) })));

    private static RoleSession Session(string accessKeyId = "ASIAEXAMPLE000000001") => new()
    {
        AccessKeyId = accessKeyId,
        SecretAccessKey = "secret",
        RoleId = "AROAEXAMPLE",
        RoleArn = "arn:aws:iam::000000000000:role/r",
        RoleName = "r",
        SessionName = "s",
        Source = "test",
        IssuedAt = 1_000,
        ExpiresAt = 4_600,
    };

    [Fact]
    public void Open_OwnKeyId_ReturnsSession()
    {
        var sessions = new SessionCredentials(Sealer);
        var token = Sealer.Seal(Session());

        var opened = sessions.Open("ASIAEXAMPLE000000001", token);

        Assert.NotNull(opened);
        Assert.Equal("AROAEXAMPLE", opened.RoleId);
        Assert.Equal("secret", opened.SecretAccessKey);
    }

    [Fact]
    public void Open_OtherKeyId_ReturnsNull()
    {
        var sessions = new SessionCredentials(Sealer);
        var token = Sealer.Seal(Session());

        Assert.Null(sessions.Open("ASIAEXAMPLE000000002", token));
        // A second look (now from the cache) must not change the answer.
        Assert.Null(sessions.Open("ASIAEXAMPLE000000002", token));
        Assert.NotNull(sessions.Open("ASIAEXAMPLE000000001", token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.")]
    [InlineData("not a token")]
    public void Open_NotASealedToken_ReturnsNull(string token)
    {
        Assert.Null(new SessionCredentials(Sealer).Open("ASIAEXAMPLE000000001", token));
    }

    [Fact]
    public void Open_OneCharacterChanged_ReturnsNull()
    {
        var token = Sealer.Seal(Session());
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        Assert.Null(new SessionCredentials(Sealer).Open("ASIAEXAMPLE000000001", tampered));
    }

    [Theory]
    [InlineData(4_599, false)]
    [InlineData(4_600, true)]
    public void IsExpired_AtExpiry_IsExpired(long now, bool expired)
    {
        Assert.Equal(expired, SessionCredentials.IsExpired(Session(), DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    [Theory]
    [InlineData("ASIAEXAMPLE000000001", true)]
    [InlineData("AKIAEXAMPLE000000001", false)]
    [InlineData("asiaexample000000001", false)]
    public void IsTemporary_ByPrefix(string id, bool temporary)
    {
        Assert.Equal(temporary, SessionCredentials.IsTemporary(id));
    }
}
