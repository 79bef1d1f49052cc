namespace Gatehouse.Server.Messaging;

internal enum MessageChannel
{
    Email,
    Sms,
}
