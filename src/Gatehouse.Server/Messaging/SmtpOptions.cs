using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Messaging;

internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS or implicit TLS when the server offers it; off for a loopback test sink.</summary>
    public bool UseTls { get; set; } = true;

    public string From { get; set; } = "no-reply@gatehouse.local";
}
