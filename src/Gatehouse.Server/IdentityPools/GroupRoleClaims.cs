namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The role claims of a user-pool ID token that role mappings of type Token read: <c>cognito:roles</c>, the RoleArns
/// of the user's groups, and <c>cognito:preferred_role</c>, the role of the group with the lowest Precedence
/// (written by <c>Tokens/SessionTokens</c> when the token is issued; developer guide "Adding groups to a user pool").
/// </summary>
internal static class GroupRoleClaims
{
    public const string Roles = "cognito:roles";
    public const string PreferredRole = "cognito:preferred_role";
}
