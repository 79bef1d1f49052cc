using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Who a custom authentication flow is for: the stored user, or nobody (<see cref="User"/> null) when the name
/// matches no user and the client hides that (PreventUserExistenceErrors ENABLED), in which case the triggers see
/// <c>userNotFound: true</c>. <see cref="Username"/> is the event's userName and the challenge's USERNAME.
/// </summary>
internal sealed record CustomAuthUser(string Username, User? User, bool HidesUserExistence)
{
    public bool NotFound => User is null;
}
