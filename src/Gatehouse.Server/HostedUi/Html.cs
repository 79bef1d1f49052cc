using System.Text;
using System.Text.Encodings.Web;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// A small HTML builder for the hosted pages: every text and attribute value goes through
/// <see cref="HtmlEncoder"/>, so no caller can inject markup. The pages are static forms without component state,
/// which is why they are written with this rather than Razor components (whose form handling brings ASP.NET
/// antiforgery and its per-node key ring; see <see cref="CsrfTokens"/>).
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>Appends markup written by the page itself (never user input).</summary>
    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Text(string? value) => Raw(Encode(value));

    public Html Heading(string text) => Raw("<h1>").Text(text).Raw("</h1>");

    public Html Paragraph(string text, string? cssClass = null) =>
        Raw(cssClass is null ? "<p>" : $"<p class=\"{Encode(cssClass)}\">").Text(text).Raw("</p>");

    public Html Alert(string? message) =>
        message is null ? this : Raw("<p class=\"error\" role=\"alert\">").Text(message).Raw("</p>");

    public Html FormStart(string action, string csrf) =>
        Raw($"<form method=\"post\" action=\"{Encode(action)}\" novalidate>").Hidden(CsrfTokens.FieldName, csrf);

    public Html FormEnd(string button) =>
        Raw("<button type=\"submit\">").Text(button).Raw("</button></form>");

    public Html Hidden(string name, string? value) =>
        value is null ? this : Raw($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">");

    /// <summary>A labelled input; <paramref name="type"/> is text, password, email, tel, ...</summary>
    public Html Field(string name, string label, string type, string? value = null, string? autocomplete = null,
        bool required = true, string? describedBy = null, string? inputMode = null)
    {
        var id = "f-" + name.Replace(':', '-');
        Raw($"<label for=\"{Encode(id)}\">").Text(label).Raw("</label>");
        Raw($"<input id=\"{Encode(id)}\" name=\"{Encode(name)}\" type=\"{Encode(type)}\"");
        if (value is not null)
        {
            Raw($" value=\"{Encode(value)}\"");
        }

        if (autocomplete is not null)
        {
            Raw($" autocomplete=\"{Encode(autocomplete)}\"");
        }

        if (inputMode is not null)
        {
            Raw($" inputmode=\"{Encode(inputMode)}\"");
        }

        if (describedBy is not null)
        {
            Raw($" aria-describedby=\"{Encode(describedBy)}\"");
        }

        return Raw(required ? " required>" : ">");
    }

    public Html Link(string href, string text) => Raw($"<a href=\"{Encode(href)}\">").Text(text).Raw("</a>");

    public override string ToString() => _text.ToString();
}
