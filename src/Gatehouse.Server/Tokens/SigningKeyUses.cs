namespace Gatehouse.Server.Tokens;

/// <summary>What a signing key signs: ID and access tokens of one session use different keys (protocol-notes §9).</summary>
internal static class SigningKeyUses
{
    public const string Id = "id";
    public const string Access = "access";

    public static IReadOnlyList<string> All { get; } = [Id, Access];
}
