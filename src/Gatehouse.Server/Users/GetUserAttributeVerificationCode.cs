using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Users;

/// <summary>
/// GetUserAttributeVerificationCode: the caller (by access token) asks for a code that verifies its email or
/// phone_number, sent to that attribute's value waiting for verification, if any (AttributesRequireVerificationBeforeUpdate), or else its current value with the pool's verification message; the response names
/// the masked destination. A new code replaces the previous one. ClientMetadata feeds Lambda triggers, which this
/// server does not run.
/// </summary>
internal sealed class GetUserAttributeVerificationCode(
    AccessTokenAuthenticator authenticator, AttributeVerification verification)
    : IAwsHandler<GetUserAttributeVerificationCodeRequest>
{
    public async Task<AwsResult> HandleAsync(GetUserAttributeVerificationCodeRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var name = request.AttributeName;
        if (AttributeVerification.CheckVerifiable(name) is { } nameError)
        {
            return nameError;
        }

        var attributes = UserRecordWriter.ReadAttributes(caller.User);
        if (!PendingAttributeValues.Read(caller.User).TryGetValue(name, out var value)
            && !attributes.TryGetValue(name, out value))
        {
            return AwsError.InvalidParameter(SelfServiceMessages.NoAttributeValue(name));
        }

        var settings = PoolSettings.Read(caller.Pool);
        var delivery = await verification.SendCodeAsync(settings, caller.User, name, value, ct);
        return AwsResult.Ok(new GetUserAttributeVerificationCodeResponse { CodeDeliveryDetails = delivery });
    }
}
