using System.Security.Cryptography.X509Certificates;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// <c>POST /saml2/idpresponse</c>, the assertion consumer service (HTTP-POST binding, SAML Bindings §3.5): a form
/// with <c>SAMLResponse</c> (at most <see cref="MaxResponseLength"/> characters) and <c>RelayState</c>. SP-initiated,
/// the RelayState is our sealed <see cref="FederationState"/>, used once, whose AuthnRequest ID the response must
/// answer. IdP-initiated (Cognito's "Implement IdP-initiated SAML sign-in"), the RelayState is the query of an
/// authorize request (<c>client_id</c>, <c>redirect_uri</c>, <c>response_type</c>, <c>identity_provider</c>,
/// <c>scope</c>), taken only when that provider has <c>IDPInit</c> and the request passes the authorize checks.
/// A verified assertion signs the user in (<see cref="FederatedSignIn"/>, <see cref="FederatedCompletion"/>); any
/// failure creates nothing and answers the error page (400) or, once the client's redirect is known good, an OAuth
/// error redirect. The reason is logged, never shown.
/// </summary>
internal sealed class SamlResponseEndpoint(
    AppDb db, ProviderDetails details, FederationStates states, AuthorizeChecks checks, SamlMetadataSource metadata,
    SamlCertificates certificates, SamlResponseValidator validator, FederatedSignIn signIn,
    FederatedCompletion completion, HostedPage page, ILogger<SamlResponseEndpoint> logger)
{
    public const int MaxResponseLength = 200 * 1024;
    private const int MaxBodyLength = MaxResponseLength + 16 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueLengthLimit = MaxResponseLength,
        ValueCountLimit = 16,
        KeyLengthLimit = 64,
        BufferBodyLengthLimit = MaxBodyLength,
        MultipartBodyLengthLimit = MaxBodyLength,
    };

    public static Task<IResult> PostAsync(HttpContext context, SamlResponseEndpoint endpoint, CancellationToken ct) =>
        endpoint.HandleAsync(context, ct);

    private async Task<IResult> HandleAsync(HttpContext context, CancellationToken ct)
    {
        var domain = context.PoolDomain();
        if (await ReadFormAsync(context, ct) is not { } form
            || form["SAMLResponse"].ToString() is not { Length: > 0 and <= MaxResponseLength } samlResponse)
        {
            return await RefuseAsync(domain, null, SamlMessages.MissingResponse, ct);
        }

        var relayState = form["RelayState"].ToString();
        var state = states.Open(relayState, domain.PoolId);
        var solicited = state is not null;
        IdentityProvider? provider;
        if (state is not null)
        {
            if (!await states.UseAsync(state, ct))
            {
                return await RefuseAsync(domain, state.ProviderName, SamlMessages.StateUsed, ct);
            }

            provider = await FindAsync(domain.PoolId, state.ProviderName, ct);
        }
        else
        {
            (provider, state) = await UnsolicitedAsync(domain, relayState, ct);
        }

        if (provider is null || state is null)
        {
            return await RefuseAsync(domain, provider?.ProviderName, solicited ? SamlMessages.UnknownProvider : SamlMessages.Unsolicited, ct);
        }

        var outcome = await ValidateAsync(domain, provider, solicited ? state.RequestId : null, samlResponse, ct);
        if (outcome.Assertion is not { } assertion)
        {
            Log.SamlResponseRefused(logger, provider.ProviderName, domain.PoolId, outcome.Reason ?? SamlMessages.NotResponse);
            return solicited
                ? await completion.FailAsync(context, state, outcome.IdpFailure ? "access_denied" : "invalid_request",
                    HostedUiStrings.SamlResponseRefused, ct)
                : await ErrorPage.RenderAsync(page, domain, null, HostedUiStrings.SamlResponseRefused, ct);
        }

        var result = await signIn.SignInAsync(provider, assertion.NameId, assertion.Attributes, assertion.Issuer, ct);
        if (result.User is not { } user)
        {
            return await completion.FailAsync(context, state, "access_denied", result.Error ?? HostedUiStrings.FederationFailed, ct);
        }

        Log.SamlResponseAccepted(logger, provider.ProviderName, domain.PoolId);
        return await completion.CompleteAsync(context, state, user, ct);
    }

    /// <summary>
    /// An IdP-initiated response's provider and a state standing for its RelayState's authorize request (never
    /// sealed, nothing to use once: the assertion ID is), or nulls when that provider does not allow IDPInit or the
    /// request does not pass the authorize checks. Checked before the assertion, so a refused one creates nothing.
    /// </summary>
    private async Task<(IdentityProvider? Provider, FederationState? State)> UnsolicitedAsync(
        PoolDomainContext domain, string relayState, CancellationToken ct)
    {
        if (relayState.Length is 0 or > 8192)
        {
            return (null, null);
        }

        var query = QueryHelpers.ParseQuery(relayState.StartsWith('?') ? relayState : "?" + relayState);
        var request = AuthorizeRequest.From(name => query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null);
        if (request.IdentityProvider is not { Length: > 0 } name || await FindAsync(domain.PoolId, name, ct) is not { } provider
            || !string.Equals(details.Read(provider).GetValueOrDefault("IDPInit"), "true", StringComparison.Ordinal)
            || (await checks.RunAsync(domain, request, ct)).Valid is null)
        {
            return (null, null);
        }

        return (provider, states.Issue(domain.PoolId, provider.ProviderName, request, null, null, null).State);
    }

    private async Task<SamlResponseOutcome> ValidateAsync(
        PoolDomainContext domain, IdentityProvider provider, string? requestId, string samlResponse, CancellationToken ct)
    {
        var values = details.Read(provider);
        if (await metadata.LoadAsync(values, ct) is not ({ } parsed, _))
        {
            return SamlResponseOutcome.Refused(SamlMessages.BadMetadata);
        }

        using var decryption = string.Equals(values.GetValueOrDefault("EncryptedResponses"), "true", StringComparison.Ordinal)
            ? await certificates.GetAsync(domain.PoolId, SamlCertificates.Encryption, ct)
            : (X509Certificate2?)null;
        return await validator.ValidateAsync(samlResponse,
            new SamlResponseCheck(domain.PoolId, SamlServiceProvider.AcsUrl(domain), parsed, requestId, decryption), ct);
    }

    /// <summary>The form within the size limits, or null (too large, not a form).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentLength > MaxBodyLength)
        {
            return null;
        }

        context.Features.Set<IFormFeature>(new FormFeature(request, Limits));
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            // A value or the body over the limits above.
            return null;
        }
    }

    private Task<IdentityProvider?> FindAsync(string poolId, string providerName, CancellationToken ct) =>
        db.IdentityProviders.AsNoTracking().FirstOrDefaultAsync(
            p => p.PoolId == poolId && p.ProviderName == providerName && p.ProviderType == SamlProviderRules.Type, ct);

    private async Task<IResult> RefuseAsync(PoolDomainContext domain, string? providerName, string reason, CancellationToken ct)
    {
        Log.SamlResponseRefused(logger, providerName, domain.PoolId, reason);
        return await ErrorPage.RenderAsync(page, domain, null, HostedUiStrings.SamlResponseRefused, ct);
    }
}
