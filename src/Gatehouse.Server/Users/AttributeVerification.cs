using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// Verification of a user's email or phone_number by a <c>VERIFY_ATTRIBUTE:&lt;name&gt;</c> code (24 hours, like
/// sign-up codes): which attributes can be verified, and sending a new code to the attribute's current value.
/// </summary>
internal sealed class AttributeVerification(VerificationCodes codes, CodeSender sender)
{
    /// <summary>Only email and phone_number are verified by a code (InvalidParameterException otherwise).</summary>
    public static AwsError? CheckVerifiable(string name) =>
        name is UserAttributeNames.Email or UserAttributeNames.PhoneNumber
            ? null
            : AwsError.InvalidParameter(SelfServiceMessages.NotVerifiable(name));

    /// <summary>Issues a code for <paramref name="name"/> (replacing any earlier one) and sends it to <paramref name="value"/>.</summary>
    public async Task<CodeDeliveryDetailsType> SendCodeAsync(
        PoolSettings settings, User user, string name, string value, CancellationToken ct)
    {
        var destination = string.Equals(name, UserAttributeNames.Email, StringComparison.Ordinal)
            ? CodeDestination.Email(value)
            : CodeDestination.Phone(value);
        var code = await codes.IssueAsync(user, CodePurposes.VerifyAttribute(name), name,
            VerificationCodes.ConfirmationLifetime, ct);
        return await sender.SendAsync(settings, destination, code, ct);
    }
}
