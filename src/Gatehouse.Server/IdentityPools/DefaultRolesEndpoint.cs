using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Gatehouse.Server.Admin;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>POST /console/api/identitypools/{IdentityPoolId}/default-roles</c>: the console's "create default roles". Makes
/// the IAM roles <c>Cognito_&lt;PoolName&gt;Auth_Role</c> and <c>Cognito_&lt;PoolName&gt;Unauth_Role</c> with the
/// console's trust and inline policies (<see cref="DefaultRolePolicies"/>), sets them as the pool's roles (its role
/// mappings stay), and answers <c>{"authenticated": arn, "unauthenticated": arn}</c>. The pool name's whitespace is
/// left out of the role names, which IAM does not allow. Authenticated like the other console API routes
/// (<see cref="AdminBasicAuthentication"/>). Errors are problem details: 401, 404 unknown pool, 400 a name IAM
/// refuses, 409 a role of that name exists already (nothing is created then).
/// </summary>
internal static partial class DefaultRolesEndpoint
{
    public const string Route = "/console/api/identitypools/{identityPoolId}/default-roles";

    /// <summary>IAM's CreateRole, RoleName: 1..64 of ASCII letters, digits and <c>_+=,.@-</c>.</summary>
    public const int MaxRoleNameLength = 64;

    public static async Task<IResult> CreateAsync(
        string identityPoolId,
        HttpContext context,
        AdminAccessKeys keys,
        AppDb db,
        TimeProvider clock,
        IOptions<InstanceOptions> instance,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(DefaultRolesEndpoint));
        if (await AdminBasicAuthentication.RefusalAsync(context.Request, keys, ct) is { } refusal)
        {
            Log.DefaultRolesRefused(logger, refusal);
            context.Response.Headers.WWWAuthenticate = AdminBasicAuthentication.Challenge;
            return Results.Unauthorized();
        }

        if (await db.FindIdentityPoolAsync(identityPoolId, ct) is not { } pool)
        {
            return Results.Problem(statusCode: 404, detail: IdentityPoolMessages.PoolNotFound(identityPoolId));
        }

        var baseName = "Cognito_" + Whitespace().Replace(pool.Name, "");
        var (authName, unauthName) = (baseName + "Auth_Role", baseName + "Unauth_Role");
        if (unauthName.Length > MaxRoleNameLength || !RoleName().IsMatch(baseName))
        {
            return Results.Problem(statusCode: 400, detail: IdentityPoolMessages.DefaultRoleNameInvalid(unauthName));
        }

        var keysTaken = new[] { authName.ToLowerInvariant(), unauthName.ToLowerInvariant() };
        if (await db.IamRoles.AnyAsync(r => keysTaken.Contains(r.NameKey), ct))
        {
            return Results.Problem(statusCode: 409, detail: IdentityPoolMessages.DefaultRolesExist(authName, unauthName));
        }

        var now = clock.GetUtcNow();
        var account = instance.Value.AccountId;
        var arns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DefaultRolePolicies.Authenticated] =
                AddRole(db, account, pool.Id, authName, DefaultRolePolicies.Authenticated, now),
            [DefaultRolePolicies.Unauthenticated] =
                AddRole(db, account, pool.Id, unauthName, DefaultRolePolicies.Unauthenticated, now),
        };
        IdentityPoolSettings.SetRoles(pool, arns);
        pool.LastModifiedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent request created a role of one of these names between the check and the save.
            return Results.Problem(statusCode: 409, detail: IdentityPoolMessages.DefaultRolesExist(authName, unauthName));
        }

        Log.DefaultRolesCreated(logger, pool.Id, authName, unauthName);
        return Results.Json(arns, IdentityPoolsJsonContext.Default.DictionaryStringString);
    }

    /// <summary>Adds a role and its inline policy; returns the role's ARN.</summary>
    private static string AddRole(AppDb db, string account, string poolId, string name, string amr, DateTimeOffset now)
    {
        var role = new IamRole
        {
            RoleId = "AROA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17),
            RoleName = name,
            NameKey = name.ToLowerInvariant(),
            Path = "/",
            AssumeRolePolicyDocument = DefaultRolePolicies.Trust(poolId, amr),
            MaxSessionDuration = 3600,
            CreatedAt = now,
        };
        db.IamRoles.Add(role);
        db.IamRolePolicies.Add(new IamRolePolicy
        {
            RoleId = role.RoleId,
            // The console's inline policy name: oneClick_<role name>_<creation time in epoch milliseconds>.
            PolicyName = string.Create(CultureInfo.InvariantCulture, $"oneClick_{name}_{now.ToUnixTimeMilliseconds()}"),
            Document = DefaultRolePolicies.Permissions(amr),
        });
        return IamArns.Role(account, role.Path, role.RoleName);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]+$")]
    private static partial Regex RoleName();
}
