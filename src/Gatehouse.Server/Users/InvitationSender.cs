using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Messaging;

namespace Gatehouse.Server.Users;

/// <summary>
/// The AdminCreateUser invitation: the pool's <c>AdminCreateUserConfig.InviteMessageTemplate</c> (or Cognito's
/// default text) with <c>{username}</c> and <c>{####}</c> replaced, sent on each chosen medium.
/// </summary>
internal sealed class InvitationSender(IMessageTransport transport)
{
    public const string DefaultMessage = "Your username is {username} and temporary password is {####}.";
    public const string DefaultSubject = "Your temporary password";

    /// <summary>
    /// The media to send on. Explicit <c>DesiredDeliveryMediums</c> need the matching attribute (Cognito answers
    /// InvalidParameterException otherwise). Without them the documented default is SMS; a user without a phone
    /// gets the email instead, and a user with neither gets no message (AWS creates such users too).
    /// </summary>
    public static AwsError? ChooseMedia(
        IReadOnlyList<string>? desired, IReadOnlyDictionary<string, string> attributes, out List<MessageChannel> media)
    {
        media = [];
        var hasEmail = attributes.ContainsKey(UserAttributeNames.Email);
        var hasPhone = attributes.ContainsKey(UserAttributeNames.PhoneNumber);
        if (desired is null || desired.Count == 0)
        {
            if (hasPhone)
            {
                media.Add(MessageChannel.Sms);
            }
            else if (hasEmail)
            {
                media.Add(MessageChannel.Email);
            }

            return null;
        }

        foreach (var medium in desired.Distinct(StringComparer.Ordinal))
        {
            if (string.Equals(medium, "EMAIL", StringComparison.Ordinal))
            {
                if (!hasEmail)
                {
                    return AwsError.InvalidParameter(UserMessages.NoEmailForDelivery);
                }

                media.Add(MessageChannel.Email);
            }
            else
            {
                if (!hasPhone)
                {
                    return AwsError.InvalidParameter(UserMessages.NoPhoneForDelivery);
                }

                media.Add(MessageChannel.Sms);
            }
        }

        return null;
    }

    public async Task SendAsync(PoolSettings settings, string username, string password,
        IReadOnlyDictionary<string, string> attributes, IReadOnlyList<MessageChannel> media, CancellationToken ct)
    {
        var template = settings.Type.AdminCreateUserConfig?.InviteMessageTemplate;
        foreach (var medium in media)
        {
            if (medium == MessageChannel.Email)
            {
                var body = Fill(template?.EmailMessage ?? DefaultMessage, username, password);
                var subject = template?.EmailSubject ?? DefaultSubject;
                await transport.SendAsync(new OutgoingMessage(settings.Pool.Id, MessageChannel.Email,
                    attributes[UserAttributeNames.Email], subject, body), ct);
            }
            else
            {
                var body = Fill(template?.SMSMessage ?? DefaultMessage, username, password);
                await transport.SendAsync(new OutgoingMessage(settings.Pool.Id, MessageChannel.Sms,
                    attributes[UserAttributeNames.PhoneNumber], null, body), ct);
            }
        }
    }

    private static string Fill(string template, string username, string password) =>
        template.Replace("{username}", username, StringComparison.Ordinal)
            .Replace("{####}", password, StringComparison.Ordinal);
}
