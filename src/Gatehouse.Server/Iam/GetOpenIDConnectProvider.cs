using System.Text.Json;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>GetOpenIDConnectProvider</c>. Url is the host/path without the scheme, as IAM returns it; the lists are
/// sent even when empty.
/// </summary>
internal sealed class GetOpenIDConnectProvider(AppDb db, IOptions<InstanceOptions> instance)
    : IAwsHandler<GetOpenIDConnectProviderRequest>
{
    public async Task<AwsResult> HandleAsync(GetOpenIDConnectProviderRequest request, CancellationToken ct)
    {
        if (IamOidcUrls.CheckArn(request.OpenIDConnectProviderArn) is { } arnError)
        {
            return arnError;
        }

        var hostPath = IamArns.OidcHostPath(request.OpenIDConnectProviderArn, instance.Value.AccountId);
        var provider = hostPath is null
            ? null
            : await db.IamOidcProviders.AsNoTracking().SingleOrDefaultAsync(p => p.HostPath == hostPath, ct);
        if (provider is null)
        {
            return AwsError.NoSuchEntity(IamMessages.OidcProviderNotFound(request.OpenIDConnectProviderArn));
        }

        return AwsResult.Ok(new GetOpenIDConnectProviderResponse
        {
            Url = provider.HostPath,
            ClientIDList = Strings(provider.ClientIds),
            ThumbprintList = Strings(provider.Thumbprints),
            CreateDate = provider.CreatedAt,
            Tags = IamTags.FromJson(provider.Tags),
        });
    }

    private static List<string> Strings(string json) =>
        JsonSerializer.Deserialize(json, IamColumnsJsonContext.Default.ListString) ?? [];
}
