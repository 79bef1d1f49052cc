using System.Text.RegularExpressions;

namespace Gatehouse.Server.Branding;

/// <summary>
/// The check of SetUICustomization's CSS, as the developer guide ("Customizing hosted UI (classic) branding",
/// "Specifying CSS customizations") states it: rules may only select the listed <c>*-customizable</c> classes, and
/// no <c>@import</c>, <c>@supports</c>, <c>@page</c>, <c>@media</c> or JavaScript. Properties the hosted UI does
/// not use are accepted and have no effect, as there. Comments are allowed.
/// </summary>
internal static partial class UiCustomizationCss
{
    /// <summary>The selectors the guide lists, pseudo-classes included.</summary>
    public static IReadOnlySet<string> AllowedSelectors { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ".background-customizable",
        ".banner-customizable",
        ".errorMessage-customizable",
        ".idpButton-customizable",
        ".idpButton-customizable:hover",
        ".idpDescription-customizable",
        ".inputField-customizable",
        ".inputField-customizable:focus",
        ".label-customizable",
        ".legalText-customizable",
        ".logo-customizable",
        ".passwordCheck-notValid-customizable",
        ".passwordCheck-valid-customizable",
        ".redirect-customizable",
        ".socialButton-customizable",
        ".submitButton-customizable",
        ".submitButton-customizable:hover",
        ".textDescription-customizable",
    };

    /// <summary>The message of the first violation, or null when the CSS may be stored.</summary>
    public static string? Check(string css)
    {
        var text = Comment().Replace(css, " ");
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return BrandingMessages.CssAtRule;
        }

        if (Script().IsMatch(text))
        {
            return BrandingMessages.CssScript;
        }

        var rest = text.AsSpan();
        while (!rest.IsWhiteSpace())
        {
            var open = rest.IndexOf('{');
            var close = rest.IndexOf('}');
            if (open < 0 || close < open || rest[(open + 1)..close].Contains('{'))
            {
                return BrandingMessages.CssNotParsable;
            }

            foreach (var selector in rest[..open].ToString().Split(','))
            {
                var trimmed = selector.Trim();
                if (!AllowedSelectors.Contains(trimmed))
                {
                    return BrandingMessages.CssClassNotAllowed(trimmed.Length == 0 ? "(empty)" : trimmed);
                }
            }

            if (!Declarations().IsMatch(rest[(open + 1)..close].ToString()))
            {
                return BrandingMessages.CssNotParsable;
            }

            rest = rest[(close + 1)..];
        }

        return null;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"javascript:|expression\s*\(|<\s*script|behavior\s*:|-moz-binding",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Script();

    /// <summary><c>name: value</c> pairs separated by semicolons; the last semicolon may be left out.</summary>
    [GeneratedRegex(@"^\s*(?:[-a-zA-Z]+\s*:[^;:{}]*(?:;\s*[-a-zA-Z]+\s*:[^;:{}]*)*;?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Declarations();
}
