namespace Gatehouse.Server.Storage;

/// <summary>
/// An app client of a pool. <see cref="Settings"/> is the JSON of the model's <c>UserPoolClientType</c>
/// (format v1: without ClientId, ClientName, UserPoolId, dates and ClientSecret). The secret is kept
/// encrypted (<see cref="SecretProtector"/>) because SECRET_HASH checks need it back.
/// </summary>
internal sealed class AppClient
{
    public required string ClientId { get; set; }

    public required string PoolId { get; set; }

    public required string ClientName { get; set; }

    public string? SecretProtected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public required string Settings { get; set; }
}
