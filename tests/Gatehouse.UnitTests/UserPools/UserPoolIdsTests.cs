using Gatehouse.Server.UserPools;

namespace Gatehouse.UnitTests.UserPools;

public sealed class UserPoolIdsTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-2")]
    public void NewPoolId_Region_RegionUnderscoreNineAlphanumerics(string region) =>
        Assert.Matches($"^{region}_[A-Za-z0-9]{{9}}$", UserPoolIds.NewPoolId(region));

    [Fact]
    public void NewClientId_Always_26LowerAlphanumerics() =>
        Assert.Matches("^[a-z0-9]{26}$", UserPoolIds.NewClientId());

    [Fact]
    public void NewClientSecret_Always_51LowerAlphanumerics() =>
        Assert.Matches("^[a-z0-9]{51}$", UserPoolIds.NewClientSecret());

    [Fact]
    public void NewClientId_ManyCalls_Distinct() =>
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => UserPoolIds.NewClientId()).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void PoolArn_Parts_CognitoShape() =>
        Assert.Equal("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc",
            UserPoolIds.PoolArn("eu-west-1", "123456789012", "eu-west-1_abc"));
}
