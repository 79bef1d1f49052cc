using System.Text.Json;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>CreateOpenIDConnectProvider</c>: the URL (<see cref="IamOidcUrls"/>), client ids (at most 100), thumbprints
/// (optional, as IAM now allows, at most 5; Gatehouse does not use them: it verifies an issuer's keys over TLS or,
/// for loopback, not at all), tags, one provider per host/path, and at most 100 providers.
/// </summary>
internal sealed class CreateOpenIDConnectProvider(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<CreateOpenIDConnectProvider> logger)
    : IAwsHandler<CreateOpenIDConnectProviderRequest>
{
    public async Task<AwsResult> HandleAsync(CreateOpenIDConnectProviderRequest request, CancellationToken ct)
    {
        if (IamOidcUrls.HostPath(request.Url) is not { } hostPath)
        {
            return AwsError.InvalidParameter(IamMessages.InvalidOidcUrl);
        }

        var clientIds = (request.ClientIDList ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (clientIds.Count > IamQuotas.ClientIdsPerOidcProvider)
        {
            return AwsError.IamLimitExceeded(
                IamMessages.Quota("ClientIdsPerOpenIdConnectProvider", IamQuotas.ClientIdsPerOidcProvider));
        }

        var thumbprints = (request.ThumbprintList ?? []).ToList();
        if (thumbprints.Count > IamQuotas.ThumbprintsPerOidcProvider)
        {
            return AwsError.InvalidInput(IamMessages.TooManyThumbprints);
        }

        if (IamTags.Check(request.Tags) is { } tagError)
        {
            return tagError;
        }

        if (await db.IamOidcProviders.AnyAsync(p => p.HostPath == hostPath, ct))
        {
            return AwsError.EntityAlreadyExists(IamMessages.OidcProviderExists(request.Url));
        }

        if (await db.IamOidcProviders.CountAsync(ct) >= IamQuotas.OidcProvidersPerAccount)
        {
            return AwsError.IamLimitExceeded(
                IamMessages.Quota("OpenIdConnectProvidersPerAccount", IamQuotas.OidcProvidersPerAccount));
        }

        db.IamOidcProviders.Add(new IamOidcProvider
        {
            HostPath = hostPath,
            Url = request.Url,
            ClientIds = JsonSerializer.Serialize(clientIds, IamColumnsJsonContext.Default.ListString),
            Thumbprints = JsonSerializer.Serialize(thumbprints, IamColumnsJsonContext.Default.ListString),
            Tags = IamTags.ToJson(request.Tags),
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent create of the same provider won the race.
            return AwsError.EntityAlreadyExists(IamMessages.OidcProviderExists(request.Url));
        }

        Log.OidcProviderCreated(logger, hostPath);
        return AwsResult.Ok(new CreateOpenIDConnectProviderResponse
        {
            OpenIDConnectProviderArn = IamArns.OidcProvider(instance.Value.AccountId, hostPath),
            Tags = request.Tags is { Count: > 0 } tags ? tags : null,
        });
    }
}
