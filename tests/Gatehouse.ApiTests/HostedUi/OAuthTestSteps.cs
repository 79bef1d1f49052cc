using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.HostedUi;

/// <summary>Steps shared by the OAuth endpoint tests: sign in on the form, exchange a code.</summary>
internal static class OAuthTestSteps
{
    public static async Task<string> SignInForCodeAsync(FormBrowser browser, OAuthSetup.Setup setup, string? extra = null)
    {
        var login = await browser.GetPageAsync(setup.LoginUrl(extra));
        using var response = await browser.SubmitAsync(login, ("username", setup.Username), ("password", AuthSetup.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return OAuthSetup.RedirectParameters(response)["code"];
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(
        FormBrowser browser, OAuthSetup.Setup setup, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values.TryAdd("client_id", setup.ClientId);
        using var response = await browser.Http.PostAsync(setup.Base + "/oauth2/token", new FormUrlEncodedContent(values),
            TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public static Task<(HttpStatusCode Status, JsonObject Body)> ExchangeAsync(
        FormBrowser browser, OAuthSetup.Setup setup, string code, string verifier = OAuthSetup.Verifier,
        string redirect = OAuthSetup.Callback) =>
        TokenAsync(browser, setup, ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect),
            ("code_verifier", verifier));

    public static JsonObject Claims(string jwt) =>
        JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(jwt.Split('.')[1]))!.AsObject();
}
