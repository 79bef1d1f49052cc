using System.Text.Json;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// Reads and writes <see cref="User.PendingAttributes"/>: the new email/phone_number values a user asked for in a
/// pool with <c>AttributesRequireVerificationBeforeUpdate</c>, kept out of the attributes (and so out of tokens,
/// GetUser, ListUsers and the alias columns) until VerifyUserAttribute confirms them.
/// </summary>
internal static class PendingAttributeValues
{
    public static Dictionary<string, string> Read(User user) =>
        user.PendingAttributes is { } json
            ? JsonSerializer.Deserialize(json, UsersJsonContext.Default.DictionaryStringString)
                ?? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static void Write(User user, Dictionary<string, string> pending) =>
        user.PendingAttributes = pending.Count == 0
            ? null
            : JsonSerializer.Serialize(pending, UsersJsonContext.Default.DictionaryStringString);

    /// <summary>Whether the pool keeps the old value of <paramref name="name"/> until the new one is verified.</summary>
    public static bool RequiresVerificationFirst(PoolSettings settings, string name) =>
        (settings.Type.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [])
            .Contains(name, StringComparer.Ordinal);
}
