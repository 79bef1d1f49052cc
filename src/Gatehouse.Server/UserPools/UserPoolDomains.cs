using System.Globalization;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// The rules and the wire shape of user-pool domains. A prefix domain is one DNS label and is served as
/// <c>&lt;prefix&gt;.&lt;DomainSuffix&gt;</c> and under <c>/domains/&lt;prefix&gt;/</c> on any host; a custom
/// domain is a full host name. <c>CloudFrontDistribution</c>, which in AWS names the CloudFront host a custom domain's
/// DNS must point at, names this server's public host here: the same instruction for a self-hosted deployment.
/// </summary>
internal sealed class UserPoolDomains(PoolIssuer issuer, IOptions<InstanceOptions> instance)
{
    /// <summary>Cognito refuses prefixes containing these words.</summary>
    private static readonly string[] ReservedWords = ["aws", "amazon", "cognito"];

    public static Task<UserPoolDomain?> FindAsync(AppDb db, string domain, CancellationToken ct) =>
        db.UserPoolDomains.FirstOrDefaultAsync(d => d.Domain == domain, ct);

    public static Task<List<UserPoolDomain>> ForPoolAsync(AppDb db, string poolId, CancellationToken ct) =>
        db.UserPoolDomains.AsNoTracking().Where(d => d.PoolId == poolId).OrderBy(d => d.CreatedAt).ToListAsync(ct);

    /// <summary>A dotted name without a certificate, or a reserved word in a prefix, is refused.</summary>
    public static AwsError? RejectName(string domain, bool custom)
    {
        if (custom)
        {
            return null;
        }

        if (domain.Contains('.', StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(DomainMessages.PrefixWithDot);
        }

        return ReservedWords.FirstOrDefault(w => domain.Contains(w, StringComparison.Ordinal)) is { } word
            ? AwsError.InvalidParameter(DomainMessages.ReservedWord + word)
            : null;
    }

    public static AwsError? RejectVersion(int? version) =>
        version is null or 1 or 2 ? null : AwsError.InvalidParameter(DomainMessages.ManagedLoginVersion);

    public string PublicHost() => new Uri(issuer.PublicBaseUrl()).Host;

    public DomainDescriptionType Describe(UserPoolDomain domain) => new()
    {
        UserPoolId = domain.PoolId,
        AWSAccountId = instance.Value.AccountId,
        Domain = domain.Domain,
        CloudFrontDistribution = PublicHost(),
        Version = domain.Version.ToString(CultureInfo.InvariantCulture),
        Status = "ACTIVE",
        CustomDomainConfig = domain.CertificateArn is { } arn ? new CustomDomainConfigType { CertificateArn = arn } : null,
        ManagedLoginVersion = domain.ManagedLoginVersion,
    };
}
