using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class UserFilterTests
{
    [Theory]
    [InlineData("email = \"a@b.c\"", "email", false, "a@b.c")]
    [InlineData("email=\"a@b.c\"", "email", false, "a@b.c")]
    [InlineData("  given_name ^= \"Jo\"  ", "given_name", true, "Jo")]
    [InlineData("family_name = \"Re\\\"ddy\"", "family_name", false, "Re\"ddy")]
    [InlineData("name = \"back\\\\slash\"", "name", false, "back\\slash")]
    [InlineData("cognito:user_status = \"confirmed\"", "cognito:user_status", false, "confirmed")]
    [InlineData("username = \"\"", "username", false, "")]
    public void Parse_WellFormed_ReadsParts(string text, string attribute, bool prefix, string value)
    {
        Assert.Equal(new UserFilter(attribute, prefix, value), UserFilter.Parse(text));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("email = a@b.c")]
    [InlineData("email == \"a\"")]
    [InlineData("email = \"unterminated")]
    [InlineData("= \"x\"")]
    [InlineData("email = \"a\" and name = \"b\"")]
    [InlineData("email != \"a\"")]
    [InlineData("email = \"a\\")]
    public void Parse_Malformed_Null(string text)
    {
        Assert.Null(UserFilter.Parse(text));
    }
}
