using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>UpdateRole</c>: sets the description and/or the maximum session duration (3600..43200, the model's); a
/// member left out keeps its value.
/// </summary>
internal sealed class UpdateRole(AppDb db) : IAwsHandler<UpdateRoleRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateRoleRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        if (request.Description is { } description)
        {
            role.Description = description;
        }

        if (request.MaxSessionDuration is { } duration)
        {
            role.MaxSessionDuration = duration;
        }

        await db.SaveChangesAsync(ct);
        return AwsResult.Ok(new UpdateRoleResponse());
    }
}
