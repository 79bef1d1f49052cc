using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;

namespace Gatehouse.Server.Users;

/// <summary>
/// Sends a verification code with the pool's verification message (<c>VerificationMessageTemplate</c>, filled from
/// the legacy <c>EmailVerificationMessage</c>/<c>EmailVerificationSubject</c>/<c>SmsVerificationMessage</c> when
/// the pool was created; Cognito's default text otherwise). The same template serves sign-up confirmation,
/// password reset and attribute verification, as in Cognito without a custom-message trigger.
/// </summary>
internal sealed class CodeSender(IMessageTransport transport)
{
    public const string DefaultMessage = "Your verification code is {####}.";
    public const string DefaultSubject = "Your verification code";

    public async Task<CodeDeliveryDetailsType> SendAsync(
        PoolSettings settings, CodeDestination destination, string code, CancellationToken ct)
    {
        var template = settings.Type.VerificationMessageTemplate;
        OutgoingMessage message;
        if (destination.Channel == MessageChannel.Email)
        {
            var body = new MessageTemplate(
                template?.EmailMessage ?? settings.Type.EmailVerificationMessage ?? DefaultMessage).RenderHtml(null, code);
            var subject = new MessageTemplate(
                template?.EmailSubject ?? settings.Type.EmailVerificationSubject ?? DefaultSubject).RenderText(null, null);
            message = new OutgoingMessage(settings.Pool.Id, MessageChannel.Email, destination.Address, subject, body);
        }
        else
        {
            var body = new MessageTemplate(
                template?.SmsMessage ?? settings.Type.SmsVerificationMessage ?? DefaultMessage).RenderText(null, code);
            message = new OutgoingMessage(settings.Pool.Id, MessageChannel.Sms, destination.Address, null, body);
        }

        await transport.SendAsync(message, ct);
        return destination.Details();
    }
}
