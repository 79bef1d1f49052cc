namespace Gatehouse.Server.Messaging;

/// <summary>Section <c>Gatehouse:Messaging</c>; <c>GATEHOUSE_SMTP_*</c> set the SMTP part.</summary>
internal sealed class MessagingOptions
{
    public const string Section = "Gatehouse:Messaging";

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
