using System.Linq.Expressions;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// How a ListUsers filter runs: a predicate, and the indexed column whose (column, id) order the page follows,
/// or null when id order already follows an index (<c>status</c>, a single <c>cognito:user_status</c>).
/// </summary>
internal sealed record UserFilterPlan(
    Expression<Func<User, bool>> Predicate,
    Expression<Func<User, string?>>? OrderColumn);
