using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Aa1!aaaa", null)]
    [InlineData("Aa1!aaa", UserMessages.PasswordTooShort)]
    [InlineData("AA1!AAAA", UserMessages.PasswordNeedsLowercase)]
    [InlineData("aa1!aaaa", UserMessages.PasswordNeedsUppercase)]
    [InlineData("Aab!aaaa", UserMessages.PasswordNeedsNumber)]
    [InlineData("Aa1aaaaa", UserMessages.PasswordNeedsSymbol)]
    [InlineData("Aa1 aaaa", UserMessages.PasswordNeedsSymbol)]
    public void Violation_DefaultPolicy_NamesFirstBrokenRule(string password, string? expected)
    {
        Assert.Equal(expected, PasswordRules.Violation(PasswordRules.DefaultPolicy, password));
    }

    [Fact]
    public void Violation_RelaxedPolicy_AcceptsLowercaseOnly()
    {
        var policy = new PasswordPolicyType { MinimumLength = 6, RequireLowercase = true };

        Assert.Null(PasswordRules.Violation(policy, "abcdef"));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(99)]
    public void Generate_AnyPolicy_SatisfiesIt(int minimumLength)
    {
        var policy = PasswordRules.DefaultPolicy with { MinimumLength = minimumLength };

        for (var i = 0; i < 50; i++)
        {
            var password = PasswordRules.Generate(policy);
            Assert.Null(PasswordRules.Violation(policy, password));
            Assert.True(password.Length >= minimumLength);
        }
    }
}
