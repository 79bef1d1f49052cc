namespace Gatehouse.Server.Storage;

/// <summary>
/// A one-time code sent to a user (sign-up confirmation, password reset, attribute verification). At most one
/// live code per user and purpose: issuing a new one replaces the previous. The code itself is never stored, only
/// <see cref="CodeHash"/> (format in <c>Users/VerificationCodeHash</c>). A code is consumed by a conditional delete,
/// and every check of it counts in <see cref="Attempts"/> by a conditional update, so neither parallel requests nor
/// several nodes can use it twice or guess it more often than the limit.
/// </summary>
internal sealed class VerificationCode
{
    public long Id { get; set; }

    public required string PoolId { get; set; }

    public long UserId { get; set; }

    /// <summary><c>SIGN_UP</c>, <c>FORGOT_PASSWORD</c> or <c>VERIFY_ATTRIBUTE:&lt;name&gt;</c>.</summary>
    public required string Purpose { get; set; }

    /// <summary>The attribute the code was delivered to (<c>email</c>, <c>phone_number</c>), or null.</summary>
    public string? AttributeName { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Checks made with this code so far (each one reserved before the comparison).</summary>
    public int Attempts { get; set; }
}
