using System.Globalization;
using System.Security.Cryptography;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminResetUserPassword: the user must reset the password before signing in again (RESET_REQUIRED), and gets
/// a 6-digit code by verified email (else verified phone). A user with neither is refused with Cognito's
/// observed answer (InvalidParameterException, "Cannot reset password for the user as there is no
/// registered/verified email or phone_number") and left unchanged.
/// The code is not stored yet: ConfirmForgotPassword and its stored, single-use codes are issue #3, which will
/// issue the code here too. Users in FORCE_CHANGE_PASSWORD cannot be reset (Cognito: "User password cannot be
/// reset in the current state.").
/// </summary>
internal sealed class AdminResetUserPassword(AppDb db, TimeProvider clock, IMessageTransport transport)
    : IAwsHandler<AdminResetUserPasswordRequest>
{
    public const string DefaultMessage = "Your verification code is {####}.";
    public const string DefaultSubject = "Your verification code";

    public async Task<AwsResult> HandleAsync(AdminResetUserPasswordRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(UserMessages.CannotResetInState);
        }

        if (CodeMessage(settings, UserRecordWriter.ReadAttributes(user)) is not { } message)
        {
            return AwsError.InvalidParameter(UserMessages.NoVerifiedContactForReset);
        }

        user.Status = UserStatuses.ResetRequired;
        user.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transport.SendAsync(message, ct);
        return AwsResult.Empty;
    }

    /// <summary>The code message for the verified email, else the verified phone; null when there is neither.</summary>
    private static OutgoingMessage? CodeMessage(PoolSettings settings, Dictionary<string, string> attributes)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var template = settings.Type.VerificationMessageTemplate;
        if (IsVerified(attributes, UserAttributeNames.EmailVerified)
            && attributes.TryGetValue(UserAttributeNames.Email, out var email))
        {
            var body = (template?.EmailMessage ?? settings.Type.EmailVerificationMessage ?? DefaultMessage)
                .Replace("{####}", code, StringComparison.Ordinal);
            var subject = template?.EmailSubject ?? settings.Type.EmailVerificationSubject ?? DefaultSubject;
            return new OutgoingMessage(settings.Pool.Id, MessageChannel.Email, email, subject, body);
        }

        if (IsVerified(attributes, UserAttributeNames.PhoneNumberVerified)
            && attributes.TryGetValue(UserAttributeNames.PhoneNumber, out var phone))
        {
            var body = (template?.SmsMessage ?? settings.Type.SmsVerificationMessage ?? DefaultMessage)
                .Replace("{####}", code, StringComparison.Ordinal);
            return new OutgoingMessage(settings.Pool.Id, MessageChannel.Sms, phone, null, body);
        }

        return null;
    }

    private static bool IsVerified(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.Ordinal);
}
