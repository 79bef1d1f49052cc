using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;

namespace Gatehouse.Server.Users;

/// <summary>Where a code goes: the attribute it verifies, the channel, and the address.</summary>
internal sealed record CodeDestination(string AttributeName, MessageChannel Channel, string Address)
{
    public static CodeDestination Email(string address) => new(UserAttributeNames.Email, MessageChannel.Email, address);

    public static CodeDestination Phone(string number) => new(UserAttributeNames.PhoneNumber, MessageChannel.Sms, number);

    /// <summary>The response's <c>CodeDeliveryDetails</c>, with the address masked as Cognito masks it.</summary>
    public CodeDeliveryDetailsType Details() => new()
    {
        Destination = Channel == MessageChannel.Email ? CodeDestinationMask.Email(Address) : CodeDestinationMask.Phone(Address),
        DeliveryMedium = Channel == MessageChannel.Email ? "EMAIL" : "SMS",
        AttributeName = AttributeName,
    };
}
