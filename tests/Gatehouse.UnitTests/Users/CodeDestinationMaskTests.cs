using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class CodeDestinationMaskTests
{
    [Theory]
    [InlineData("alice@example.com", "a***@e***")]
    [InlineData("b@x.io", "b***@x***")]
    [InlineData("carol.smith@mail.example.co.uk", "c***@m***")]
    [InlineData("dan@localhost", "d***@l***")]
    [InlineData("test@test.com", "t***@t***")]
    public void Email_KeepsOnlyTheFirstCharacterOfEachPart(string address, string expected)
    {
        Assert.Equal(expected, CodeDestinationMask.Email(address));
    }

    [Theory]
    [InlineData("+12065551234", "+*******1234")]
    [InlineData("+447700900123", "+********0123")]
    [InlineData("+123", "+123")]
    public void Phone_KeepsPlusAndLastFourDigits(string number, string expected)
    {
        Assert.Equal(expected, CodeDestinationMask.Phone(number));
    }
}
