using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.UserPools;

namespace Gatehouse.UnitTests.UserPools;

public sealed class AppClientConfigTests
{
    private static readonly IReadOnlySet<string> NoCustomScopes = new HashSet<string>(StringComparer.Ordinal);

    [Trait("SecurityRowPart", "25")]
    [Theory]
    [InlineData("https://app.example.com/cb", true)]
    [InlineData("http://localhost:3000/cb", true)]
    [InlineData("myapp://callback", true)]
    [InlineData("http://app.example.com/cb", false)]
    [InlineData("https://app.example.com/cb#x", false)]
    [InlineData("/cb", false)]
    [InlineData("not a uri", false)]
    public void IsAllowedRedirect_Uri_AsCognitoDocuments(string uri, bool allowed) =>
        Assert.Equal(allowed, AppClientConfig.IsAllowedRedirect(uri));

    [Theory]
    [InlineData(5, "minutes", true)]
    [InlineData(4, "minutes", false)]
    [InlineData(24, "hours", true)]
    [InlineData(86401, "seconds", false)]
    public void Resolve_AccessTokenValidity_RangeFiveMinutesToOneDay(int value, string unit, bool valid)
    {
        var error = AppClientConfig.Resolve(
            new UserPoolClientType { AccessTokenValidity = value, TokenValidityUnits = new() { AccessToken = unit } },
            hasSecret: false, "us-east-1_x", new UserPoolType(), NoCustomScopes, NoCustomScopes, "creating", out _);

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void Resolve_RefreshZero_DefaultThirtyDays()
    {
        AppClientConfig.Resolve(new UserPoolClientType { RefreshTokenValidity = 0 }, false, "p", new UserPoolType(), NoCustomScopes,
            NoCustomScopes, "creating", out var settings);

        Assert.Equal(TimeSpan.FromDays(30), AppClientTokenValidity.RefreshToken(settings));
        Assert.Equal(TimeSpan.FromHours(1), AppClientTokenValidity.AccessToken(settings));
    }
}
