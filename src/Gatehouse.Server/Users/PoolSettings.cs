using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// The settings of a pool that the user operations need, read from <see cref="UserPool.Settings"/> (the JSON of
/// the model's <c>UserPoolType</c>, format v1, read by <see cref="UserPoolSettings"/>).
/// </summary>
internal sealed class PoolSettings
{
    private PoolSettings(UserPool pool, UserPoolType type)
    {
        Pool = pool;
        Type = type;
        Schema = (type.SchemaAttributes ?? [])
            .Where(a => a.Name is not null)
            .GroupBy(a => a.Name!, StringComparer.Ordinal) // Where above keeps only named attributes.
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public UserPool Pool { get; }

    public UserPoolType Type { get; }

    public IReadOnlyDictionary<string, SchemaAttributeType> Schema { get; }

    /// <summary>Cognito's API default when <c>UsernameConfiguration</c> is absent is case-sensitive.</summary>
    public bool CaseSensitive => Type.UsernameConfiguration?.CaseSensitive ?? true;

    public bool EmailIsUsername => Contains(Type.UsernameAttributes, UserAttributeNames.Email);

    public bool PhoneIsUsername => Contains(Type.UsernameAttributes, UserAttributeNames.PhoneNumber);

    /// <summary>Whether sign-in is by email/phone only, so the stored username is the <c>sub</c>.</summary>
    public bool UsernameIsSub => EmailIsUsername || PhoneIsUsername;

    /// <summary>Verified email is a sign-in alias (AliasAttributes or UsernameAttributes).</summary>
    public bool EmailIsAlias => EmailIsUsername || Contains(Type.AliasAttributes, UserAttributeNames.Email);

    public bool PhoneIsAlias => PhoneIsUsername || Contains(Type.AliasAttributes, UserAttributeNames.PhoneNumber);

    public bool PreferredUsernameIsAlias => Contains(Type.AliasAttributes, UserAttributeNames.PreferredUsername);

    public PasswordPolicyType PasswordPolicy => Type.Policies?.PasswordPolicy ?? PasswordRules.DefaultPolicy;

    /// <summary>The pool and its settings, or null when no pool has that id.</summary>
    public static async Task<PoolSettings?> LoadAsync(AppDb db, string poolId, CancellationToken ct) =>
        await db.FindPoolAsync(poolId, ct) is { } pool ? Read(pool) : null;

    public static PoolSettings Read(UserPool pool)
    {
        return new PoolSettings(pool, UserPoolSettings.Read(pool));
    }

    /// <summary>The key a username is stored and looked up under.</summary>
    public string UsernameKey(string username) =>
        CaseSensitive ? username : username.ToLowerInvariant();

    private static bool Contains(IReadOnlyList<string>? list, string value) =>
        list?.Contains(value, StringComparer.Ordinal) ?? false;
}
