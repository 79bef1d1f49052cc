namespace Gatehouse.Server.Storage;

/// <summary>
/// An OAuth 2.0 resource server of a pool (CreateResourceServer); its identifier is unique in the pool
/// (case-sensitive). <see cref="Scopes"/> is the JSON of the model's <c>ResourceServerType</c> holding only
/// <c>Scopes</c> (format v1: <c>{"Scopes":[{"ScopeName":"...","ScopeDescription":"..."}]}</c>); a client names a
/// scope as <c>{Identifier}/{ScopeName}</c>.
/// </summary>
internal sealed class ResourceServer
{
    public required string PoolId { get; set; }

    public required string Identifier { get; set; }

    public required string Name { get; set; }

    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }
}
