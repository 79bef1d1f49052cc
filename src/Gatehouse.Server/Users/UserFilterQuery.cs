using System.Linq.Expressions;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// Turns a <see cref="UserFilter"/> into a <see cref="UserFilterPlan"/> on the indexed columns of
/// <see cref="User"/>. A prefix is a range, <c>col &gt;= p AND col &lt; p + U+FFFF</c>, written with
/// <see cref="string.Compare(string, string)"/> so both providers translate it to comparisons that use the
/// <c>(PoolId, column, Id)</c> index; the page then follows (column, id), which that index also serves, so a
/// filtered page costs the same in a pool of any size. Values are passed as query parameters (a captured
/// <c>Value</c> object), never inlined, so EF reuses one compiled query per filter shape.
/// </summary>
internal static class UserFilterQuery
{
    private static readonly string[] EnabledValues = ["Enabled", "Disabled"];

    /// <summary>The plan, or null when the attribute is not searchable.</summary>
    public static UserFilterPlan? Build(PoolSettings settings, UserFilter filter)
    {
        var lowered = filter.Value.ToLowerInvariant();
        return filter.Attribute switch
        {
            "username" => Match(u => u.UsernameKey, settings.UsernameKey(filter.Value), filter.Prefix),
            "email" => Match(u => u.Email, lowered, filter.Prefix),
            "phone_number" => Match(u => u.PhoneNumber, lowered, filter.Prefix),
            "name" => Match(u => u.Name, lowered, filter.Prefix),
            "given_name" => Match(u => u.GivenName, lowered, filter.Prefix),
            "family_name" => Match(u => u.FamilyName, lowered, filter.Prefix),
            "preferred_username" => Match(u => u.PreferredUsername, lowered, filter.Prefix),
            "sub" => Match(u => u.Sub, lowered, filter.Prefix),
            "cognito:user_status" => StatusIn(UserStatuses.All
                .Where(s => Matches(s, filter.Value.ToUpperInvariant(), filter.Prefix)).ToList()),
            "status" => EnabledIn(EnabledValues.Where(s => Matches(s, filter.Value, filter.Prefix))
                .Select(s => string.Equals(s, "Enabled", StringComparison.Ordinal)).ToList()),
            _ => null,
        };
    }

    /// <summary>Users after (<paramref name="lastValue"/>, <paramref name="lastId"/>) in (column, id) order.</summary>
    public static Expression<Func<User, bool>> After(
        Expression<Func<User, string?>> column, string lastValue, long lastId)
    {
        var user = column.Parameters[0];
        var value = Parameter(lastValue);
        var id = Expression.Property(Expression.Constant(new Value<long>(lastId)), nameof(Value<long>.Of));
        var greater = Expression.GreaterThan(Compare(column.Body, value), Expression.Constant(0));
        var same = Expression.AndAlso(
            Expression.Equal(column.Body, value),
            Expression.GreaterThan(Expression.Property(user, nameof(User.Id)), id));
        return Expression.Lambda<Func<User, bool>>(Expression.OrElse(greater, same), user);
    }

    private static bool Matches(string candidate, string value, bool prefix) => prefix
        ? candidate.StartsWith(value, StringComparison.Ordinal)
        : string.Equals(candidate, value, StringComparison.Ordinal);

    private static UserFilterPlan StatusIn(List<string> statuses) => statuses.Count == 1
        ? new UserFilterPlan(StatusIs(statuses[0]), null)
        : new UserFilterPlan(u => statuses.Contains(u.Status), u => u.Status);

    private static Expression<Func<User, bool>> StatusIs(string status) => u => u.Status == status;

    private static UserFilterPlan EnabledIn(List<bool> values) => values.Count == 1
        ? new UserFilterPlan(EnabledIs(values[0]), null)
        : new UserFilterPlan(u => values.Contains(u.Enabled), null);

    private static Expression<Func<User, bool>> EnabledIs(bool enabled) => u => u.Enabled == enabled;

    private static UserFilterPlan Match(Expression<Func<User, string?>> column, string value, bool prefix)
    {
        var parameter = column.Parameters[0];
        Expression test;
        if (prefix)
        {
            var low = Expression.GreaterThanOrEqual(Compare(column.Body, Parameter(value)), Expression.Constant(0));
            var high = Expression.LessThan(
                Compare(column.Body, Parameter(value + '\uffff')), Expression.Constant(0));
            test = Expression.AndAlso(low, high);
        }
        else
        {
            test = Expression.Equal(column.Body, Parameter(value));
        }

        return new UserFilterPlan(Expression.Lambda<Func<User, bool>>(test, parameter), column);
    }

    private static MethodCallExpression Compare(Expression left, Expression right) =>
        Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])
            ?? throw new MissingMethodException(nameof(String), nameof(string.Compare)), left, right);

    /// <summary>A member access on a captured object, which EF sends as a query parameter.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Value<string?>(value)), nameof(Value<string>.Of));

    private sealed class Value<T>(T of)
    {
        public T Of { get; } = of;
    }
}
