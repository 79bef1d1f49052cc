using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// Section <c>Gatehouse:Tokens</c>. <see cref="IssuerTemplate"/> replaces the default issuer
/// (<c>{PublicBaseUrl}/{userPoolId}</c>) for apps whose verifiers expect Cognito's form, e.g.
/// <c>https://cognito-idp.{region}.amazonaws.com/{userPoolId}</c>. <see cref="SigningKeyRotationDays"/> &gt; 0
/// rotates a pool's signing keys when they are that old (0: keys are kept until rotated by an operator).
/// </summary>
internal sealed class TokensOptions
{
    public const string Section = "Gatehouse:Tokens";

    public string? IssuerTemplate { get; set; }

    [Range(0, 3650)]
    public int SigningKeyRotationDays { get; set; }
}
