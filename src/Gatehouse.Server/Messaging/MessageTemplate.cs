using System.Net;
using System.Text;

namespace Gatehouse.Server.Messaging;

/// <summary>
/// A Cognito message template (<c>VerificationMessageTemplate</c>, <c>InviteMessageTemplate</c>, ...) with its
/// placeholders: <c>{username}</c> and <c>{####}</c> (the code or temporary password), as in Cognito's
/// "Customizing messages" guide. Values are put in one left-to-right pass, so a username that itself contains
/// <c>{####}</c> is not filled with the code; a placeholder without a value is left as written. In email
/// bodies (sent as HTML) values are HTML-escaped; the template's own markup is kept.
/// </summary>
internal sealed record MessageTemplate(string Text)
{
    public const string UsernamePlaceholder = "{username}";
    public const string CodePlaceholder = "{####}";

    public bool HasCode => Text.Contains(CodePlaceholder, StringComparison.Ordinal);

    public bool HasUsername => Text.Contains(UsernamePlaceholder, StringComparison.Ordinal);

    /// <summary>An email body: values HTML-escaped.</summary>
    public string RenderHtml(string? username, string? code) => Render(username, code, html: true);

    /// <summary>An SMS text or an email subject: values as they are.</summary>
    public string RenderText(string? username, string? code) => Render(username, code, html: false);

    private string Render(string? username, string? code, bool html)
    {
        var output = new StringBuilder(Text.Length + 32);
        var i = 0;
        while (i < Text.Length)
        {
            var next = Text.IndexOf('{', i);
            if (next < 0)
            {
                output.Append(Text, i, Text.Length - i);
                break;
            }

            output.Append(Text, i, next - i);
            var rest = Text.AsSpan(next);
            if (username is not null && rest.StartsWith(UsernamePlaceholder, StringComparison.Ordinal))
            {
                output.Append(html ? WebUtility.HtmlEncode(username) : username);
                i = next + UsernamePlaceholder.Length;
            }
            else if (code is not null && rest.StartsWith(CodePlaceholder, StringComparison.Ordinal))
            {
                output.Append(html ? WebUtility.HtmlEncode(code) : code);
                i = next + CodePlaceholder.Length;
            }
            else
            {
                output.Append('{');
                i = next + 1;
            }
        }

        return output.ToString();
    }
}
