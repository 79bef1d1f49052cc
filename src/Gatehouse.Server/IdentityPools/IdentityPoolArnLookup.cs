using Gatehouse.Server.Admin;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Finds the pool a tagging operation's ResourceArn names (<see cref="IdentityPoolIds.PoolArn"/>). An ARN of another
/// region or account, or of anything but an identity pool, names no pool here: ResourceNotFoundException, as for a
/// deleted pool.
/// </summary>
internal sealed class IdentityPoolArnLookup(AppDb db, IOptions<InstanceOptions> instance)
{
    public async Task<IdentityPoolRecord?> FindAsync(string arn, CancellationToken ct) =>
        IdentityPoolIds.PoolIdFromArn(arn, instance.Value.Region, instance.Value.AccountId) is { } poolId
            ? await db.FindIdentityPoolAsync(poolId, ct)
            : null;
}
