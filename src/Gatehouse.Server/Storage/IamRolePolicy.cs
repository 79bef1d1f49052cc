namespace Gatehouse.Server.Storage;

/// <summary>An inline policy of a role (PutRolePolicy): its JSON text as sent.</summary>
internal sealed class IamRolePolicy
{
    public required string RoleId { get; set; }

    public required string PolicyName { get; set; }

    public required string Document { get; set; }
}
