namespace Gatehouse.Server.HostedUi;

/// <summary>
/// What the hosted UI's sign-in cookie holds (sealed, see <see cref="SignInCookie"/>): the pool, the user's
/// <c>sub</c>, when the user authenticated and when the session ends (epoch milliseconds).
/// </summary>
internal sealed record SignInSession(string PoolId, string Sub, long AuthTime, long ExpiresAt);
