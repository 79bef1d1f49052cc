namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// One provider's entry of <c>IdentityPoolRecord.PrincipalTags</c> (SetPrincipalTagAttributeMap): tag key → token claim.
/// With <see cref="UseDefaults"/> the tags are Cognito's defaults, <c>aud</c> and <c>sub</c> (API reference
/// SetPrincipalTagAttributeMap: "You can use this operation to use default (username and clientID) attribute mappings").
/// </summary>
internal sealed record PrincipalTagMapping
{
    public bool UseDefaults { get; init; }

    public IReadOnlyDictionary<string, string>? PrincipalTags { get; init; }
}
