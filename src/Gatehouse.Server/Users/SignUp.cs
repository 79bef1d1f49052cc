using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// SignUp: a user registers through an app client. The user is created UNCONFIRMED with the password stored as
/// its SRP verifier, and gets a confirmation code at the pool's auto-verified attribute (no code, and no
/// CodeDeliveryDetails, when the pool verifies nothing automatically). ValidationData, ClientMetadata,
/// AnalyticsMetadata and UserContextData feed Lambda triggers and threat protection, which this server does not
/// run; they are accepted and not stored, as Cognito does not store them either.
/// </summary>
internal sealed class SignUp(
    AppDb db,
    TimeProvider clock,
    SecretProtector protector,
    UserPasswords passwords,
    VerificationCodes codes,
    CodeSender sender,
    PreSignUpTrigger preSignUp,
    PostConfirmationTrigger postConfirmation,
    ILogger<SignUp> logger) : IAwsHandler<SignUpRequest>
{
    public async Task<AwsResult> HandleAsync(SignUpRequest request, CancellationToken ct)
    {
        if (await SelfServiceClient.LoadAsync(db, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        var settings = client.Pool;
        var checkError = client.CheckSecretHash(protector, request.Username, request.SecretHash)
            ?? RejectAdminOnlyPool(settings)
            ?? AdminCreateUser.CheckUsernameShape(settings, request.Username)
            ?? client.CheckWritable(request.UserAttributes);
        if (checkError is not null)
        {
            return checkError;
        }

        var sub = Guid.NewGuid().ToString();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [UserAttributeNames.Sub] = sub };
        if (UserAttributeEdits.Apply(settings, attributes, request.UserAttributes ?? [], creating: true) is { } error)
        {
            return error;
        }

        AdminCreateUser.AddUsernameAttribute(settings, request.Username, attributes);
        var attributeError = UserAttributeEdits.CheckVerifiedNeedsValue(attributes)
            ?? UserAttributeEdits.CheckRequired(settings, attributes)
            ?? CheckPassword(settings, request.Password);
        if (attributeError is not null)
        {
            return attributeError;
        }

        var username = settings.UsernameIsSub ? sub : request.Username;
        var usernameKey = settings.UsernameKey(username);
        if (await db.Users.AnyAsync(u => u.PoolId == settings.Pool.Id && u.UsernameKey == usernameKey, ct))
        {
            return AwsError.UsernameExists(SelfServiceMessages.UserAlreadyExists);
        }

        var now = clock.GetUtcNow();
        // Only email/phone-as-username pools and preferred_username aliases can conflict here: an email or phone
        // alias counts once verified, which a new user's is not.
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), exceptUserId: 0,
                force: false, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        // PreSignUp_SignUp: a refusal stores nothing; auto-verify marks the attribute, auto-confirm skips the code.
        var (decision, triggerError) = await preSignUp.RunAsync(settings.Pool, "PreSignUp_SignUp", username,
            client.Client.ClientId, attributes, request.ValidationData, request.ClientMetadata, ct);
        if (triggerError is not null)
        {
            return triggerError;
        }

        ApplyAutoVerify(decision!, attributes);
        var user = new User
        {
            PoolId = settings.Pool.Id,
            Username = username,
            UsernameKey = usernameKey,
            Sub = sub,
            Status = decision!.AutoConfirmUser ? UserStatuses.Confirmed : UserStatuses.Unconfirmed,
            Enabled = true,
            CreatedAt = now,
        };
        UserRecordWriter.Write(user, settings, attributes, now);
        // CheckPassword above refused a missing password.
        passwords.Set(user, request.Password ?? "", now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A parallel sign-up took the username or an alias between the checks above and this write.
            return AwsError.UsernameExists(SelfServiceMessages.UserAlreadyExists);
        }

        Log.UserSignedUp(logger, settings.Pool.Id, sub, client.Client.ClientId);
        // A pre sign-up auto-confirm confirms now: Cognito then runs PostConfirmation_ConfirmSignUp, whose error is
        // the answer (the user stays, confirmed).
        if (decision.AutoConfirmUser && await postConfirmation.RunAsync(settings.Pool,
                PostConfirmationTrigger.ConfirmSignUpSource, client.Client.ClientId, user, request.ClientMetadata, ct)
            is { } confirmError)
        {
            return confirmError;
        }

        CodeDeliveryDetailsType? delivery = null;
        if (!decision.AutoConfirmUser && CodeDestinations.ForConfirmation(settings, attributes) is { } destination)
        {
            var code = await codes.IssueAsync(user, CodePurposes.SignUp, destination.AttributeName,
                VerificationCodes.ConfirmationLifetime, ct);
            delivery = await sender.SendAsync(settings, destination, code, ct);
        }

        return AwsResult.Ok(new SignUpResponse
        {
            UserConfirmed = decision.AutoConfirmUser,
            UserSub = sub,
            CodeDeliveryDetails = delivery,
        });
    }

    /// <summary>autoVerifyEmail / autoVerifyPhone mark the attribute verified where it has a value.</summary>
    internal static void ApplyAutoVerify(PreSignUpDecision decision, Dictionary<string, string> attributes)
    {
        if (decision.AutoVerifyEmail && attributes.ContainsKey(UserAttributeNames.Email))
        {
            attributes[UserAttributeNames.EmailVerified] = "true";
        }

        if (decision.AutoVerifyPhone && attributes.ContainsKey(UserAttributeNames.PhoneNumber))
        {
            attributes[UserAttributeNames.PhoneNumberVerified] = "true";
        }
    }

    /// <summary>AdminCreateUserConfig.AllowAdminCreateUserOnly turns self-registration off.</summary>
    private static AwsError? RejectAdminOnlyPool(PoolSettings settings) =>
        settings.Type.AdminCreateUserConfig?.AllowAdminCreateUserOnly == true
            ? AwsError.NotAuthorized(SelfServiceMessages.SignUpNotPermitted)
            : null;

    /// <summary>
    /// A password is required (passwordless sign-up needs the pool's passwordless sign-in, which this server does
    /// not offer yet) and must satisfy the pool's policy.
    /// </summary>
    private static AwsError? CheckPassword(PoolSettings settings, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return AwsError.InvalidParameter(SelfServiceMessages.PasswordRequired);
        }

        return PasswordRules.Violation(settings.PasswordPolicy, password) is { } violation
            ? AwsError.InvalidPassword(violation)
            : null;
    }
}
