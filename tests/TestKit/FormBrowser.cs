using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gatehouse.TestKit;

/// <summary>
/// A browser without JavaScript for the hosted UI: keeps cookies, never follows redirects (tests look at each
/// one), and posts a page's form with its hidden fields (CSRF value, carried authorize parameters) plus the fields given.
/// </summary>
public sealed partial class FormBrowser(GatehouseFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://127.0.0.1"),
    });

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url, TestContext.Current.CancellationToken);

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Posts the first form of <paramref name="html"/> to its action with its hidden fields and <paramref name="fields"/>.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string html, params (string Name, string Value)[] fields)
    {
        var start = FormAction().Match(html);
        var action = WebUtility.HtmlDecode(start.Groups[1].Value);
        var end = html.IndexOf("</form>", start.Index, StringComparison.Ordinal);
        var form = html[start.Index..(end < 0 ? html.Length : end)];
        var values = HiddenFields(form).ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return _http.PostAsync(action, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static IEnumerable<(string Name, string Value)> HiddenFields(string html) =>
        HiddenInput().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
