namespace Gatehouse.Server.Storage;

/// <summary>A user's membership of a group.</summary>
internal sealed class GroupMembership
{
    public required string PoolId { get; set; }

    public required string GroupName { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
