using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>CreateRole</c>. Name length and pattern, description, MaxSessionDuration (3600..43200) and the tag limits
/// are the model's; then the path, a permissions boundary (not supported), tags, the trust policy, the name
/// (unique regardless of case) and the account's role quota.
/// </summary>
internal sealed class CreateRole(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<CreateRole> logger)
    : IAwsHandler<CreateRoleRequest>
{
    public async Task<AwsResult> HandleAsync(CreateRoleRequest request, CancellationToken ct)
    {
        var path = request.Path ?? "/";
        if (!IamPaths.IsRolePath(path))
        {
            return AwsError.InvalidParameter(IamMessages.InvalidPath(path));
        }

        if (request.PermissionsBoundary is not null)
        {
            return AwsError.InvalidInput(IamMessages.NoPermissionsBoundaries);
        }

        if (IamTags.Check(request.Tags) is { } tagError)
        {
            return tagError;
        }

        if (IamPolicyText.CheckTrust(request.AssumeRolePolicyDocument) is { } policyError)
        {
            return policyError;
        }

        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not null)
        {
            return AwsError.EntityAlreadyExists(IamMessages.RoleExists(request.RoleName));
        }

        if (await db.IamRoles.CountAsync(ct) >= IamQuotas.RolesPerAccount)
        {
            return AwsError.IamLimitExceeded(IamMessages.Quota("RolesPerAccount", IamQuotas.RolesPerAccount));
        }

        var role = new IamRole
        {
            RoleId = IamIds.NewRoleId(),
            RoleName = request.RoleName,
            NameKey = IamIds.NameKey(request.RoleName),
            Path = path,
            Description = request.Description,
            AssumeRolePolicyDocument = request.AssumeRolePolicyDocument,
            MaxSessionDuration = request.MaxSessionDuration ?? 3600,
            Tags = IamTags.ToJson(request.Tags),
            CreatedAt = clock.GetUtcNow(),
        };
        db.IamRoles.Add(role);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreateRole of the same name (in any case) won the race.
            return AwsError.EntityAlreadyExists(IamMessages.RoleExists(request.RoleName));
        }

        Log.RoleCreated(logger, role.RoleId, role.RoleName);
        var view = IamViews.Role(role, instance.Value.AccountId, full: false) with { Tags = IamTags.FromJson(role.Tags) };
        return AwsResult.Ok(new CreateRoleResponse { Role = view });
    }
}
