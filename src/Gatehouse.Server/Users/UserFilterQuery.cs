using System.Linq.Expressions;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// Turns a <see cref="UserFilter"/> into a predicate on the indexed columns of <see cref="User"/>. A prefix is a
/// range, <c>col &gt;= p AND col &lt; p + U+FFFF</c>, written with <see cref="string.Compare(string, string)"/>
/// so both providers translate it to comparisons that use the index.
/// </summary>
internal static class UserFilterQuery
{
    private static readonly string[] EnabledValues = ["Enabled", "Disabled"];

    /// <summary>The predicate, or null when the attribute is not searchable.</summary>
    public static Expression<Func<User, bool>>? Build(PoolSettings settings, UserFilter filter)
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

    private static bool Matches(string candidate, string value, bool prefix) => prefix
        ? candidate.StartsWith(value, StringComparison.Ordinal)
        : string.Equals(candidate, value, StringComparison.Ordinal);

    private static Expression<Func<User, bool>> StatusIn(List<string> statuses) => u => statuses.Contains(u.Status);

    private static Expression<Func<User, bool>> EnabledIn(List<bool> values) => u => values.Contains(u.Enabled);

    private static Expression<Func<User, bool>> Match(
        Expression<Func<User, string?>> column, string value, bool prefix)
    {
        var parameter = column.Parameters[0];
        var body = column.Body;
        Expression test;
        if (prefix)
        {
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            // string.Compare(string, string) always exists; the null-forgiving operator states that.
            var low = Expression.GreaterThanOrEqual(
                Expression.Call(compare, body, Expression.Constant(value)), Expression.Constant(0));
            var high = Expression.LessThan(
                Expression.Call(compare, body, Expression.Constant(value + '\uffff')), Expression.Constant(0));
            test = Expression.AndAlso(low, high);
        }
        else
        {
            test = Expression.Equal(body, Expression.Constant(value, typeof(string)));
        }

        return Expression.Lambda<Func<User, bool>>(test, parameter);
    }
}
