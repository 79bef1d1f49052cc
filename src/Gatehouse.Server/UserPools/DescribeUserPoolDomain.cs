using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>DescribeUserPoolDomain</c>. An unknown domain answers an empty <c>DomainDescription</c>, as Cognito does (the
/// AWS CLI's documented way to test whether a prefix is free).
/// </summary>
internal sealed class DescribeUserPoolDomain(AppDb db, UserPoolDomains domains) : IAwsHandler<DescribeUserPoolDomainRequest>
{
    public async Task<AwsResult> HandleAsync(DescribeUserPoolDomainRequest request, CancellationToken ct)
    {
        var domain = await UserPoolDomains.FindAsync(db, request.Domain, ct);
        return AwsResult.Ok(new DescribeUserPoolDomainResponse
        {
            DomainDescription = domain is null ? new DomainDescriptionType() : domains.Describe(domain),
        });
    }
}
