using Gatehouse.Server.Branding;

namespace Gatehouse.UnitTests.Branding;

public sealed class UiCustomizationCssTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".background-customizable { background-color: #fff; }")]
    [InlineData(".submitButton-customizable:hover { color: white }")]
    [InlineData("/* brand */ .label-customizable, .legalText-customizable { font-weight: 400; color: rgb(1, 2, 3); }")]
    [InlineData(".inputField-customizable:focus {}\n.logo-customizable { max-width: 60%; max-height: 30%; }")]
    public void Check_AllowedClasses_Accepted(string css) => Assert.Null(UiCustomizationCss.Check(css));

    [Theory]
    [InlineData(".label-customizable:hover { color: red; }")]
    [InlineData("div.label-customizable { color: red; }")]
    [InlineData(".label-customizable .banner-customizable { color: red; }")]
    [InlineData("{ color: red; }")]
    [InlineData(".label-customizable { color: red; } }")]
    [InlineData(".label-customizable { .banner-customizable { color: red; } }")]
    [InlineData(".label-customizable { color }")]
    [InlineData("@page { margin: 0; }")]
    [InlineData(".label-customizable { width: expression(alert(1)); }")]
    [InlineData(".label-customizable { color: red; /* unterminated")]
    public void Check_OtherCss_Refused(string css) => Assert.NotNull(UiCustomizationCss.Check(css));
}
