using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// Single logout with a SAML IdP whose provider has <c>IDPSignout</c> (SAML Profiles §4.4, HTTP-Redirect binding):
/// <c>/logout</c> of a user who signed in through that provider, after clearing the Gatehouse session, sends the
/// browser to the IdP's <c>SLORedirectBindingURI</c> with a LogoutRequest signed with the pool's signing certificate
/// (the profile requires it signed); the IdP's LogoutResponse comes back to <c>GET /saml2/logout</c>, which sends
/// the browser on to the <c>logout_uri</c> that <c>/logout</c> checked against the client's LogoutURLs. The
/// RelayState is a sealed <see cref="FederationState"/>, used once: its authorize <c>client_id</c> is the client and
/// its <c>redirect_uri</c> holds the checked logout_uri; <see cref="FederationState.RequestId"/> is the
/// LogoutRequest's ID that the response's InResponseTo must name.
/// </summary>
internal sealed class SamlLogout(
    AppDb db, ProviderDetails details, FederationStates states, SamlCertificates certificates, HostedPage page,
    TimeProvider clock, ILogger<SamlLogout> logger)
{
    public const string Path = "/saml2/logout";
    private const int MaxMessageBytes = 64 * 1024;

    /// <summary>The redirect to the IdP's SLO endpoint, or null when the user did not sign in through such a provider.</summary>
    public async Task<IResult?> StartAsync(
        PoolDomainContext domain, string sub, string clientId, string logoutUri, CancellationToken ct)
    {
        var identity = await (from u in db.Users
                              join i in db.FederatedIdentities on u.Id equals i.UserId
                              where u.PoolId == domain.PoolId && u.Sub == sub && !i.Linked
                              select i).AsNoTracking().FirstOrDefaultAsync(ct);
        var provider = identity is null ? null : await db.IdentityProviders.AsNoTracking().FirstOrDefaultAsync(
            p => p.PoolId == domain.PoolId && p.ProviderName == identity.ProviderName && p.ProviderType == SamlProviderRules.Type, ct);
        var values = provider is null ? null : details.Read(provider);
        if (identity is null || provider is null || values is null
            || !string.Equals(values.GetValueOrDefault("IDPSignout"), "true", StringComparison.Ordinal)
            || values.GetValueOrDefault(SamlProviderRules.SloKey) is not { Length: > 0 } slo)
        {
            return null;
        }

        var requestId = SamlAuthnRequest.NewId();
        var carried = AuthorizeRequest.From(name => name switch
        {
            "client_id" => clientId,
            "redirect_uri" => logoutUri,
            _ => null,
        });
        var (_, relayState) = states.Issue(domain.PoolId, provider.ProviderName, carried, null, null, requestId);
        var xml = RequestXml(requestId, clock.GetUtcNow(), slo, SamlServiceProvider.EntityId(domain.PoolId), identity.ProviderUserId);
        using var certificate = await certificates.GetAsync(domain.PoolId, SamlCertificates.Signing, ct);
        using var key = certificate.GetRSAPrivateKey();
        var query = SamlAuthnRequest.Query(xml, relayState, key);
        Log.SamlLogoutSent(logger, provider.ProviderName, domain.PoolId);
        return Results.Redirect(slo + (slo.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    /// <summary><c>GET /saml2/logout</c>: the IdP's LogoutResponse to our request, then on to the logout_uri.</summary>
    public static Task<IResult> GetAsync(HttpContext context, SamlLogout logout, SamlMetadataSource metadata, CancellationToken ct) =>
        logout.HandleResponseAsync(context, metadata, ct);

    private async Task<IResult> HandleResponseAsync(HttpContext context, SamlMetadataSource metadata, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        var query = context.Request.Query;
        var state = states.Open(query["RelayState"].ToString(), domain.PoolId);
        if (state is null || state.RequestId is null || !await states.UseAsync(state, ct)
            || Inflate(query["SAMLResponse"].ToString()) is not { DocumentElement: { } response }
            || !SamlXml.Is(response, SamlXml.Protocol, "LogoutResponse")
            || !string.Equals(response.GetAttribute("InResponseTo"), state.RequestId, StringComparison.Ordinal))
        {
            Log.SamlResponseRefused(logger, state?.ProviderName, domain.PoolId, SamlMessages.BadLogoutResponse);
            return await ErrorPage.RenderAsync(page, domain, null, HostedUiStrings.SamlResponseRefused, ct);
        }

        var provider = await db.IdentityProviders.AsNoTracking().FirstOrDefaultAsync(
            p => p.PoolId == domain.PoolId && p.ProviderName == state.ProviderName, ct);
        var parsed = provider is null ? null : (await metadata.LoadAsync(details.Read(provider), ct)).Metadata;
        if (parsed is null || !string.Equals(SamlXml.PlainText(SamlXml.Child(response, SamlXml.Assertion, "Issuer")),
                parsed.EntityId, StringComparison.Ordinal))
        {
            Log.SamlResponseRefused(logger, state.ProviderName, domain.PoolId, SamlMessages.WrongIssuer);
            return await ErrorPage.RenderAsync(page, domain, null, HostedUiStrings.SamlResponseRefused, ct);
        }

        // The Gatehouse session ended before the browser went to the IdP; whatever the IdP's status, the browser
        // goes where /logout was asked to send it, a URL it checked against the client's LogoutURLs.
        SignInCookie.Clear(context);
        return Results.Redirect(FederationStates.AuthorizeOf(state).RedirectUri!);
    }

    private static string RequestXml(string id, DateTimeOffset now, string destination, string spEntityId, string nameId)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("samlp", "LogoutRequest", SamlXml.Protocol);
            writer.WriteAttributeString("xmlns", "saml", null, SamlXml.Assertion);
            writer.WriteAttributeString("ID", id);
            writer.WriteAttributeString("Version", "2.0");
            writer.WriteAttributeString("IssueInstant",
                now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            writer.WriteAttributeString("Destination", destination);
            writer.WriteElementString("saml", "Issuer", SamlXml.Assertion, spEntityId);
            writer.WriteElementString("saml", "NameID", SamlXml.Assertion, nameId);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>A Redirect-binding message: base64, then raw DEFLATE, at most <see cref="MaxMessageBytes"/> inflated.</summary>
    private static XmlDocument? Inflate(string value)
    {
        var bytes = new byte[value.Length];
        if (value.Length is 0 or > MaxMessageBytes || !Convert.TryFromBase64String(value, bytes, out var length))
        {
            return null;
        }

        try
        {
            using var inflate = new DeflateStream(new MemoryStream(bytes, 0, length), CompressionMode.Decompress);
            var buffer = new byte[MaxMessageBytes + 1];
            var total = 0;
            int read;
            while (total <= MaxMessageBytes && (read = inflate.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return total > MaxMessageBytes ? null : SamlXml.Load(Encoding.UTF8.GetString(buffer, 0, total));
        }
        catch (InvalidDataException)
        {
            // Not DEFLATE data.
            return null;
        }
    }
}
