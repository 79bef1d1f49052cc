using Gatehouse.Server.Messaging;

namespace Gatehouse.UnitTests.Messaging;

public sealed class MessageTemplateTests
{
    [Theory]
    [InlineData("Your code is {####}", "bob", "123456", "Your code is 123456")]
    [InlineData("Hi {username}, password {####}.", "bob", "Tmp#1", "Hi bob, password Tmp#1.")]
    [InlineData("{username}{username}{####}{####}", "a", "1", "aa11")]
    [InlineData("no placeholders", "bob", "1", "no placeholders")]
    [InlineData("{####", "bob", "1", "{####")]
    [InlineData("{{####}}", "bob", "1", "{1}")]
    [InlineData("{USERNAME} {###}", "bob", "1", "{USERNAME} {###}")]
    [InlineData("", "bob", "1", "")]
    [InlineData("{username} is {####}", "<b>&\"'", "1", "<b>&\"' is 1")]
    public void RenderText_Template_ValuesPutInPlace(string template, string username, string code, string expected)
    {
        Assert.Equal(expected, new MessageTemplate(template).RenderText(username, code));
    }

    [Trait("SecurityRowPart", "85")]
    [Theory]
    [InlineData("<p>Hello {username}</p>", "<script>x</script>", "<p>Hello &lt;script&gt;x&lt;/script&gt;</p>")]
    [InlineData("<b>{username}</b>", "Tom & \"Jerry\"", "<b>Tom &amp; &quot;Jerry&quot;</b>")]
    [InlineData("<i>{username}</i>", "it's", "<i>it&#39;s</i>")]
    public void RenderHtml_MarkupInValue_Escaped(string template, string username, string expected)
    {
        Assert.Equal(expected, new MessageTemplate(template).RenderHtml(username, "1"));
    }

    [Fact]
    public void RenderHtml_CodeWithMarkup_Escaped()
    {
        Assert.Equal("<p>a&lt;b</p>", new MessageTemplate("<p>{####}</p>").RenderHtml("u", "a<b"));
    }

    [Fact]
    public void RenderText_UsernameContainsCodePlaceholder_NotFilledWithCode()
    {
        var rendered = new MessageTemplate("User {username} code {####}").RenderText("{####}", "999");

        Assert.Equal("User {####} code 999", rendered);
    }

    [Fact]
    public void RenderText_NoCode_PlaceholderKept()
    {
        Assert.Equal("bob: {####}", new MessageTemplate("{username}: {####}").RenderText("bob", null));
    }

    [Fact]
    public void RenderText_NoUsername_PlaceholderKept()
    {
        Assert.Equal("{username}: 1", new MessageTemplate("{username}: {####}").RenderText(null, "1"));
    }

    [Theory]
    [InlineData("code {####}", true, false)]
    [InlineData("hi {username}", false, true)]
    [InlineData("{username} {####}", true, true)]
    [InlineData("{###}", false, false)]
    public void HasPlaceholders_Template_Detected(string template, bool hasCode, bool hasUsername)
    {
        var parsed = new MessageTemplate(template);

        Assert.Equal(hasCode, parsed.HasCode);
        Assert.Equal(hasUsername, parsed.HasUsername);
    }
}
