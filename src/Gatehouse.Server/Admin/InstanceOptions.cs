using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Admin;

/// <summary>
/// Who this Gatehouse is on the wire, section <c>Gatehouse</c>: the region and account in ARNs and pool ids,
/// and the public base URL that issuers and links use. Set by <c>GATEHOUSE_REGION</c>,
/// <c>GATEHOUSE_ACCOUNT_ID</c> and <c>GATEHOUSE_PUBLIC_URL</c>.
/// </summary>
internal sealed class InstanceOptions
{
    public const string Section = "Gatehouse";

    [RegularExpression(@"^[a-z]{2}(-gov)?-[a-z]+-\d$", ErrorMessage = "GATEHOUSE_REGION must look like us-east-1.")]
    public string Region { get; set; } = "us-east-1";

    [RegularExpression(@"^\d{12}$", ErrorMessage = "GATEHOUSE_ACCOUNT_ID must be 12 digits.")]
    public string AccountId { get; set; } = "000000000000";

    /// <summary>The URL clients reach this server at; unset means the first listening address.</summary>
    [Url]
    public string? PublicUrl { get; set; }
}
