using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// ListUsers: the pool's users in id order, a page at a time (Limit 1..60, default 60), optionally filtered on
/// one searchable attribute. Every filter runs on an indexed column of <see cref="User"/> holding the
/// lower-cased value, so its cost depends on the matches, not on the pool's size.
/// Matching: <c>username</c> follows the pool's case sensitivity (case-sensitive by default, as documented),
/// <c>status</c> is case-sensitive (Enabled/Disabled) and <c>cognito:user_status</c> case-insensitive as the
/// Filter documentation says; the documentation does not say for the other attributes, and Gatehouse matches
/// them case-insensitively.
/// </summary>
internal sealed class ListUsers(AppDb db) : IAwsHandler<ListUsersRequest>
{
    private const int DefaultLimit = 60;

    public async Task<AwsResult> HandleAsync(ListUsersRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (request.AttributesToGet?.FirstOrDefault(a => UserAttributeRules.Find(settings, a) is null) is { } unknown)
        {
            return AwsError.InvalidParameter(UserMessages.UnknownAttribute(unknown));
        }

        UserFilterPlan? plan = null;
        if (!string.IsNullOrWhiteSpace(request.Filter))
        {
            if (UserFilter.Parse(request.Filter) is not { } filter)
            {
                return AwsError.InvalidParameter(UserMessages.BadFilter(request.Filter));
            }

            if (UserFilterQuery.Build(settings, filter) is not { } built)
            {
                return AwsError.InvalidParameter(UserMessages.UnsearchableAttribute(filter.Attribute));
            }

            plan = built;
        }

        var poolId = settings.Pool.Id;
        var query = db.Users.AsNoTracking().Where(u => u.PoolId == poolId);
        if (plan is not null)
        {
            query = query.Where(plan.Predicate);
        }

        if (plan?.OrderColumn is { } column)
        {
            if (request.PaginationToken is { } keyed)
            {
                if (ListUsersToken.ReadKeyed(keyed) is not { } last)
                {
                    return AwsError.InvalidParameter(UserMessages.InvalidPaginationToken);
                }

                query = query.Where(UserFilterQuery.After(column, last.Value, last.Id));
            }

            query = query.OrderBy(column).ThenBy(u => u.Id);
        }
        else
        {
            if (request.PaginationToken is { } token)
            {
                if (ListUsersToken.Read(token) is not { } lastId)
                {
                    return AwsError.InvalidParameter(UserMessages.InvalidPaginationToken);
                }

                query = query.Where(u => u.Id > lastId);
            }

            query = query.OrderBy(u => u.Id);
        }

        var limit = request.Limit is > 0 and var l ? l : DefaultLimit;
        var page = await query.Take(limit + 1).ToListAsync(ct);
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        string? next = null;
        if (more)
        {
            var last = page[^1];
            next = plan?.OrderColumn is { } order
                ? ListUsersToken.Create(last.Id, order.Compile()(last) ?? "")
                : ListUsersToken.Create(last.Id);
        }

        return AwsResult.Ok(new ListUsersResponse
        {
            Users = [.. page.Select(u => UserShapes.ToUserType(u, request.AttributesToGet))],
            PaginationToken = next,
        });
    }
}
