using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>UpdateUserPoolDomain</c>: a custom domain's certificate, and the managed-login version of either kind.
/// </summary>
internal sealed class UpdateUserPoolDomain(AppDb db, UserPoolDomains domains, ILogger<UpdateUserPoolDomain> logger)
    : IAwsHandler<UpdateUserPoolDomainRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateUserPoolDomainRequest request, CancellationToken ct)
    {
        if (UserPoolDomains.RejectVersion(request.ManagedLoginVersion) is { } invalid)
        {
            return invalid;
        }

        if (request.CustomDomainConfig is null && request.ManagedLoginVersion is null)
        {
            return AwsError.InvalidParameter(DomainMessages.NothingToUpdate);
        }

        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserPoolDomains.FindAsync(db, request.Domain, ct) is not { } domain
            || !string.Equals(domain.PoolId, request.UserPoolId, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(DomainMessages.NoSuchDomain);
        }

        if (request.CustomDomainConfig is { } config)
        {
            if (!domain.IsCustom)
            {
                return AwsError.InvalidParameter(DomainMessages.PrefixCertificate);
            }

            domain.CertificateArn = config.CertificateArn;
        }

        domain.ManagedLoginVersion = request.ManagedLoginVersion ?? domain.ManagedLoginVersion;
        await db.SaveChangesAsync(ct);
        Log.DomainUpdated(logger, domain.PoolId, domain.Domain);
        return AwsResult.Ok(new UpdateUserPoolDomainResponse
        {
            ManagedLoginVersion = domain.ManagedLoginVersion,
            CloudFrontDomain = domain.IsCustom ? domains.PublicHost() : null,
        });
    }
}
