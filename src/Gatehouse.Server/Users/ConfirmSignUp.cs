using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// ConfirmSignUp: the code sent at sign-up makes an UNCONFIRMED user CONFIRMED and marks the attribute it was
/// delivered to verified. A verified email/phone becomes a sign-in alias; if another user holds it,
/// AliasExistsException unless <c>ForceAliasCreation</c> moves it here (ConfirmSignUp documentation). The code is
/// consumed in the same transaction as the user's change, so it confirms exactly once. Then the post confirmation
/// trigger (PostConfirmation_ConfirmSignUp): its error is the answer, and the user stays confirmed, as in Cognito.
/// </summary>
internal sealed class ConfirmSignUp(
    AppDb db,
    TimeProvider clock,
    SecretProtector protector,
    VerificationCodes codes,
    PostConfirmationTrigger postConfirmation,
    ILogger<ConfirmSignUp> logger)
    : IAwsHandler<ConfirmSignUpRequest>
{
    public async Task<AwsResult> HandleAsync(ConfirmSignUpRequest request, CancellationToken ct)
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
            // User existence: with PreventUserExistenceErrors ENABLED an unknown user looks like a wrong code.
            return client.HidesUserExistence
                ? AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch)
                : AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (!string.Equals(user.Status, UserStatuses.Unconfirmed, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(UserMessages.CannotConfirm(user.Status));
        }

        var check = await codes.CheckAsync(user, CodePurposes.SignUp, request.ConfirmationCode, ct);
        if (check.Code is not { } code)
        {
            return check.Error ?? AwsError.CodeMismatch(SelfServiceMessages.CodeMismatch);
        }

        var now = clock.GetUtcNow();
        var attributes = UserRecordWriter.ReadAttributes(user);
        MarkVerified(attributes, code.AttributeName);
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), user.Id,
                request.ForceAliasCreation == true, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        UserRecordWriter.Write(user, settings, attributes, now);
        user.Status = UserStatuses.Confirmed;
        try
        {
            if (!await codes.ConsumeAndSaveAsync(code, ct))
            {
                // A parallel request with the same code confirmed the user first.
                return AwsError.ExpiredCode(SelfServiceMessages.ExpiredCode);
            }
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another user took the alias between the check above and this write.
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        Log.SignUpConfirmed(logger, settings.Pool.Id, user.Sub);
        return await postConfirmation.RunAsync(settings.Pool, PostConfirmationTrigger.ConfirmSignUpSource,
            client.Client.ClientId, user, request.ClientMetadata, ct) ?? AwsResult.Empty;
    }

    private static void MarkVerified(Dictionary<string, string> attributes, string? attributeName)
    {
        if (string.Equals(attributeName, UserAttributeNames.Email, StringComparison.Ordinal)
            && attributes.ContainsKey(UserAttributeNames.Email))
        {
            attributes[UserAttributeNames.EmailVerified] = "true";
        }
        else if (string.Equals(attributeName, UserAttributeNames.PhoneNumber, StringComparison.Ordinal)
            && attributes.ContainsKey(UserAttributeNames.PhoneNumber))
        {
            attributes[UserAttributeNames.PhoneNumberVerified] = "true";
        }
    }
}
