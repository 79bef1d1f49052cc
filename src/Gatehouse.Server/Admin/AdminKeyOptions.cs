namespace Gatehouse.Server.Admin;

/// <summary>
/// The bootstrap admin key, section <c>Gatehouse:Admin</c>, set by <c>GATEHOUSE_ADMIN_ACCESS_KEY_ID</c> and
/// <c>GATEHOUSE_ADMIN_SECRET_ACCESS_KEY</c>. When unset, one is generated at first start, shown once, and kept.
/// </summary>
internal sealed class AdminKeyOptions
{
    public const string Section = "Gatehouse:Admin";

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }
}
