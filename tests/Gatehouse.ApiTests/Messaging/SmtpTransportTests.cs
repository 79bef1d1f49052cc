using System.Globalization;
using System.Text;
using Gatehouse.Server.Messaging;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Gatehouse.ApiTests.Messaging;

public sealed class SmtpTransportTests
{
    [Fact]
    public async Task SendAsync_SmtpConfigured_MessageArrivesAtServer()
    {
        await using var sink = new SmtpSink();
        using var factory = SmtpFactory(sink);
        var transport = factory.Services.GetRequiredService<IMessageTransport>();

        await transport.SendAsync(
            new OutgoingMessage("us-east-1_Smtp1", MessageChannel.Email, "dest@example.com", "Your code",
                "<p>Your code is 123456</p>"),
            TestContext.Current.CancellationToken);

        var received = Assert.Single(sink.Messages);
        Assert.Equal(["dest@example.com"], received.Recipients);
        Assert.Equal("sender@gatehouse.test", received.From);
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(received.Data));
        var mime = await MimeMessage.LoadAsync(data, TestContext.Current.CancellationToken);
        Assert.Equal("Your code", mime.Subject);
        Assert.Equal("dest@example.com", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("sender@gatehouse.test", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("<p>Your code is 123456</p>", mime.HtmlBody?.Trim());
    }

    [Fact]
    public async Task SendAsync_SmtpConfiguredSms_GoesToOutboxNotSmtp()
    {
        await using var sink = new SmtpSink();
        using var factory = SmtpFactory(sink);
        var transport = factory.Services.GetRequiredService<IMessageTransport>();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

        await transport.SendAsync(
            new OutgoingMessage(null, MessageChannel.Sms, phone, null, "code 7"),
            TestContext.Current.CancellationToken);

        Assert.Empty(sink.Messages);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Server.Storage.AppDb>();
        Assert.Single(db.OutboxMessages.Where(m => m.Destination == phone));
    }

    private static GatehouseFactory SmtpFactory(SmtpSink sink) => new GatehouseFactory()
        .WithSetting("Gatehouse:Messaging:Smtp:Host", "127.0.0.1")
        .WithSetting("Gatehouse:Messaging:Smtp:Port", sink.Port.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Gatehouse:Messaging:Smtp:UseTls", "false")
        .WithSetting("Gatehouse:Messaging:Smtp:From", "sender@gatehouse.test");
}
