namespace Gatehouse.Server.Storage;

/// <summary>
/// A user pool. <see cref="Settings"/> holds the pool's configuration as the JSON of the model's
/// <c>UserPoolType</c> (format v1: that shape, without the members computed on read: Id, Name, dates, Arn,
/// EstimatedNumberOfUsers), so every setting round-trips exactly as the API received it.
/// </summary>
internal sealed class UserPool
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public required string Settings { get; set; }

    /// <summary>Which MFA factors are on; format v1 is described at <c>UserPoolSettings.ReadMfa</c>.</summary>
    public string MfaSettings { get; set; } = "{}";

    /// <summary>
    /// Cognito's EstimatedNumberOfUsers: a count refreshed in the background (<c>UserCountRefresher</c>), so that
    /// DescribeUserPool never counts a large pool on the request path.
    /// </summary>
    public int EstimatedUsers { get; set; }

    /// <summary>When <see cref="EstimatedUsers"/> was counted; null until the first count.</summary>
    public DateTimeOffset? EstimatedUsersAt { get; set; }

    /// <summary>Bumped on every change; EF uses it to refuse lost updates.</summary>
    public long Version { get; set; }
}
