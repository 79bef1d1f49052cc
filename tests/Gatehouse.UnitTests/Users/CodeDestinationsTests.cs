using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class CodeDestinationsTests
{
    private static readonly Dictionary<string, string> BothVerified = new(StringComparer.Ordinal)
    {
        ["email"] = "a@example.com",
        ["email_verified"] = "true",
        ["phone_number"] = "+12065551234",
        ["phone_number_verified"] = "true",
    };

    [Fact]
    public void ForRecovery_NoSetting_LegacyPrefersPhone()
    {
        var destination = CodeDestinations.ForRecovery(Pool(new UserPoolType()), BothVerified);

        Assert.Equal(MessageChannel.Sms, destination?.Channel);
    }

    [Fact]
    public void ForRecovery_EmailFirst_Email()
    {
        var pool = Pool(new UserPoolType { AccountRecoverySetting = Recovery(("verified_email", 1), ("verified_phone_number", 2)) });

        Assert.Equal("email", CodeDestinations.ForRecovery(pool, BothVerified)?.AttributeName);
    }

    [Fact]
    public void ForRecovery_FirstMechanismUnverified_FallsToSecond()
    {
        var pool = Pool(new UserPoolType { AccountRecoverySetting = Recovery(("verified_email", 1), ("verified_phone_number", 2)) });
        var attributes = new Dictionary<string, string>(BothVerified, StringComparer.Ordinal) { ["email_verified"] = "false" };

        Assert.Equal("phone_number", CodeDestinations.ForRecovery(pool, attributes)?.AttributeName);
    }

    [Fact]
    public void ForRecovery_AdminOnly_Null()
    {
        var pool = Pool(new UserPoolType { AccountRecoverySetting = Recovery(("admin_only", 1)) });

        Assert.Null(CodeDestinations.ForRecovery(pool, BothVerified));
    }

    [Theory]
    [InlineData(new[] { "email" }, "email")]
    [InlineData(new[] { "email", "phone_number" }, "phone_number")]
    [InlineData(new string[0], null)]
    public void ForConfirmation_AutoVerifiedAttributes_ChoosesAttribute(string[] auto, string? expected)
    {
        var pool = Pool(new UserPoolType { AutoVerifiedAttributes = auto });

        Assert.Equal(expected, CodeDestinations.ForConfirmation(pool, BothVerified)?.AttributeName);
    }

    [Fact]
    public void Simulated_SameUsername_SameAnswer()
    {
        var pool = Pool(new UserPoolType());

        var first = CodeDestinations.Simulated(pool, "ghost", recovery: true).Details();
        var second = CodeDestinations.Simulated(pool, "ghost", recovery: true).Details();

        Assert.Equal(first, second);
        Assert.Equal("EMAIL", first.DeliveryMedium);
    }

    private static AccountRecoverySettingType Recovery(params (string Name, int Priority)[] mechanisms) => new()
    {
        RecoveryMechanisms = [.. mechanisms.Select(m => new RecoveryOptionType { Name = m.Name, Priority = m.Priority })],
    };

    private static PoolSettings Pool(UserPoolType type) => PoolSettings.Read(new UserPool
    {
        Id = "us-east-1_test12345",
        Name = "p",
        Settings = System.Text.Json.JsonSerializer.Serialize(type, CognitoIdpJsonContext.Default.UserPoolType),
    });
}
