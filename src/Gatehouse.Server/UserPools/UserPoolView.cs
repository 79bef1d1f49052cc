using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.UserPools;

/// <summary>A pool as the API shows it: its stored settings plus the members computed on read.</summary>
internal sealed class UserPoolView(AppDb db, IOptions<InstanceOptions> instance)
{
    public async Task<UserPoolType> DescribeAsync(UserPool pool, CancellationToken ct)
    {
        // EstimatedNumberOfUsers, as in Cognito, is an estimate: the stored count that UserCountRefresher keeps
        // fresh in the background. Only a pool never counted yet (just created, so small) is counted here.
        var users = pool.EstimatedUsersAt is null ? await db.Users.CountAsync(u => u.PoolId == pool.Id, ct) : pool.EstimatedUsers;
        var domains = await UserPoolDomains.ForPoolAsync(db, pool.Id, ct);
        return UserPoolSettings.Read(pool) with
        {
            Id = pool.Id,
            Name = pool.Name,
            CreationDate = pool.CreatedAt,
            LastModifiedDate = pool.LastModifiedAt,
            Arn = UserPoolIds.PoolArn(instance.Value.Region, instance.Value.AccountId, pool.Id),
            EstimatedNumberOfUsers = users,
            Domain = domains.FirstOrDefault(d => !d.IsCustom)?.Domain,
            CustomDomain = domains.FirstOrDefault(d => d.IsCustom)?.Domain,
        };
    }

    public static UserPoolClientType DescribeClient(AppClient client, string? secret) =>
        UserPoolSettings.ReadClient(client) with
        {
            UserPoolId = client.PoolId,
            ClientName = client.ClientName,
            ClientId = client.ClientId,
            ClientSecret = secret,
            CreationDate = client.CreatedAt,
            LastModifiedDate = client.LastModifiedAt,
        };
}
