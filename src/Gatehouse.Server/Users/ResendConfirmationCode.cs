using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Users;

/// <summary>
/// ResendConfirmationCode: a new sign-up code for an UNCONFIRMED user, sent to the pool's auto-verified
/// attribute; the previous code stops working. A pool that verifies nothing automatically answers Cognito's
/// InvalidParameterException "Auto verification not turned on.".
/// </summary>
internal sealed class ResendConfirmationCode(
    AppDb db, SecretProtector protector, VerificationCodes codes, CodeSender sender)
    : IAwsHandler<ResendConfirmationCodeRequest>
{
    public async Task<AwsResult> HandleAsync(ResendConfirmationCodeRequest request, CancellationToken ct)
    {
        if (await SelfServiceClient.LoadAsync(db, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        if (client.CheckSecretHash(protector, request.Username, request.SecretHash) is { } secretError)
        {
            return secretError;
        }

        var settings = client.Pool;
        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            // User existence: with PreventUserExistenceErrors ENABLED an unknown user gets the answer a real one
            // would (a code "sent" to a simulated destination); nothing is sent or stored.
            return client.HidesUserExistence
                ? AwsResult.Ok(new ResendConfirmationCodeResponse
                {
                    CodeDeliveryDetails = CodeDestinations.Simulated(settings, request.Username, recovery: false).Details(),
                })
                : AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (!string.Equals(user.Status, UserStatuses.Unconfirmed, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(SelfServiceMessages.AlreadyConfirmed);
        }

        if (CodeDestinations.ForConfirmation(settings, UserRecordWriter.ReadAttributes(user)) is not { } destination)
        {
            return AwsError.InvalidParameter(SelfServiceMessages.AutoVerificationOff);
        }

        var code = await codes.IssueAsync(user, CodePurposes.SignUp, destination.AttributeName,
            VerificationCodes.ConfirmationLifetime, ct);
        var delivery = await sender.SendAsync(settings, destination, code, ct);
        return AwsResult.Ok(new ResendConfirmationCodeResponse { CodeDeliveryDetails = delivery });
    }
}
