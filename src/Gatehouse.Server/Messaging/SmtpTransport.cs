using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gatehouse.Server.Messaging;

/// <summary>
/// Email over SMTP with MailKit, selected when <c>GATEHOUSE_SMTP_HOST</c> is set. SMS still goes to the outbox
/// until an SMS sender is configured.
/// </summary>
internal sealed class SmtpTransport(IOptions<MessagingOptions> options, OutboxTransport outbox) : IMessageTransport
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.Channel != MessageChannel.Email)
        {
            await outbox.SendAsync(message, ct);
            return;
        }

        var smtp = options.Value.Smtp;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.Destination));
        mime.Subject = message.Subject ?? "";
        mime.Body = new TextPart(MimeKit.Text.TextFormat.Html) { Text = message.Body };

        using var client = new SmtpClient();
        var host = smtp.Host ?? throw new InvalidOperationException("GATEHOUSE_SMTP_HOST is not set.");
        await client.ConnectAsync(host, smtp.Port, smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
