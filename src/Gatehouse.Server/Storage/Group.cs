namespace Gatehouse.Server.Storage;

/// <summary>A group of a pool; its name is unique in the pool (case-sensitive, as in Cognito).</summary>
internal sealed class Group
{
    public required string PoolId { get; set; }

    public required string GroupName { get; set; }

    public string? Description { get; set; }

    public string? RoleArn { get; set; }

    public int? Precedence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }
}
