namespace Gatehouse.Server.Storage;

/// <summary>A managed policy attached to a role (AttachRolePolicy).</summary>
internal sealed class IamRolePolicyAttachment
{
    public required string RoleId { get; set; }

    public required string PolicyId { get; set; }

    public DateTimeOffset AttachedAt { get; set; }
}
