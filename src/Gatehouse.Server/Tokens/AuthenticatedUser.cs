using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Tokens;

/// <summary>The caller behind a valid access token: the user, its pool, and the token's app client and family.</summary>
internal sealed record AuthenticatedUser(User User, UserPool Pool, string ClientId, string OriginJti);
