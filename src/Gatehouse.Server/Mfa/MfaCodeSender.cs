using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// Sends an SMS_MFA or EMAIL_OTP sign-in code with the pool's MFA templates: SmsAuthenticationMessage for SMS,
/// EmailMfaConfiguration's Message and Subject for email (placeholder <c>{####}</c>), Cognito's default text
/// otherwise. The code goes only to the transport, never to a log.
/// </summary>
internal sealed class MfaCodeSender(IMessageTransport transport)
{
    public async Task<CodeDeliveryDetailsType> SendAsync(PoolSettings pool, string factor, User user, string code,
        CancellationToken ct)
    {
        var attributes = UserRecordWriter.ReadAttributes(user);
        CodeDestination destination;
        OutgoingMessage message;
        if (string.Equals(factor, MfaFactors.Email, StringComparison.Ordinal))
        {
            // The rules offer EMAIL_OTP only to a user with an email address.
            destination = CodeDestination.Email(attributes[UserAttributeNames.Email]);
            var email = UserPoolSettings.ReadMfa(pool.Pool).EmailMfaConfiguration;
            message = new OutgoingMessage(pool.Pool.Id, MessageChannel.Email, destination.Address,
                new MessageTemplate(email?.Subject ?? MfaMessages.DefaultEmailSubject).RenderText(null, null),
                new MessageTemplate(email?.Message ?? MfaMessages.DefaultEmailMessage).RenderHtml(user.Username, code));
        }
        else
        {
            destination = CodeDestination.Phone(attributes[UserAttributeNames.PhoneNumber]);
            message = new OutgoingMessage(pool.Pool.Id, MessageChannel.Sms, destination.Address, null,
                new MessageTemplate(pool.Type.SmsAuthenticationMessage ?? MfaMessages.DefaultSmsMessage)
                    .RenderText(user.Username, code));
        }

        await transport.SendAsync(message, ct);
        return destination.Details();
    }
}
