using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>CreateUserPoolDomain</c>: a prefix domain, or a custom domain when CustomDomainConfig is given. A pool has at
/// most one of each; a domain name belongs to one pool across the instance.
/// </summary>
internal sealed class CreateUserPoolDomain(
    AppDb db, UserPoolDomains domains, TimeProvider clock, ILogger<CreateUserPoolDomain> logger)
    : IAwsHandler<CreateUserPoolDomainRequest>
{
    public async Task<AwsResult> HandleAsync(CreateUserPoolDomainRequest request, CancellationToken ct)
    {
        var custom = request.CustomDomainConfig is not null;
        if ((UserPoolDomains.RejectName(request.Domain, custom) ?? UserPoolDomains.RejectVersion(request.ManagedLoginVersion))
            is { } invalid)
        {
            return invalid;
        }

        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserPoolDomains.FindAsync(db, request.Domain, ct) is not null)
        {
            return AwsError.InvalidParameter(DomainMessages.DomainTaken);
        }

        var existing = await UserPoolDomains.ForPoolAsync(db, request.UserPoolId, ct);
        if (existing.Any(d => d.IsCustom == custom))
        {
            return AwsError.InvalidParameter(custom ? DomainMessages.PoolHasCustomDomain : DomainMessages.PoolHasDomain);
        }

        var domain = new UserPoolDomain
        {
            Domain = request.Domain,
            PoolId = request.UserPoolId,
            CertificateArn = request.CustomDomainConfig?.CertificateArn,
            ManagedLoginVersion = request.ManagedLoginVersion ?? 1,
            CreatedAt = clock.GetUtcNow(),
        };
        db.UserPoolDomains.Add(domain);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreateUserPoolDomain of the same name won the race (the name is the primary key).
            return AwsError.InvalidParameter(DomainMessages.DomainTaken);
        }

        Log.DomainCreated(logger, domain.PoolId, domain.Domain);
        return AwsResult.Ok(new CreateUserPoolDomainResponse
        {
            ManagedLoginVersion = domain.ManagedLoginVersion,
            CloudFrontDomain = custom ? domains.PublicHost() : null,
        });
    }
}
