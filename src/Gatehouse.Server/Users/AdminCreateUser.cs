using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Messaging;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminCreateUser: a new user in FORCE_CHANGE_PASSWORD with a temporary password (given, or generated to the
/// pool's policy), invited by email/SMS unless <c>MessageAction</c> is SUPPRESS; RESEND re-invites an existing
/// user with a new temporary password. A new user first goes through the pre sign-up trigger
/// (PreSignUp_AdminCreateUser: userAttributes, validationData, clientMetadata): its error creates nothing, its
/// autoVerifyEmail / autoVerifyPhone mark those attributes verified; autoConfirmUser does not apply (the user keeps
/// its temporary password and FORCE_CHANGE_PASSWORD).
/// </summary>
internal sealed class AdminCreateUser(
    AppDb db,
    TimeProvider clock,
    UserPasswords passwords,
    InvitationSender invitations,
    PreSignUpTrigger preSignUp,
    ILogger<AdminCreateUser> logger)
    : IAwsHandler<AdminCreateUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminCreateUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        var password = string.IsNullOrEmpty(request.TemporaryPassword)
            ? PasswordRules.Generate(settings.PasswordPolicy)
            : request.TemporaryPassword;
        if (PasswordRules.Violation(settings.PasswordPolicy, password) is { } violation)
        {
            return AwsError.InvalidPassword(violation);
        }

        return string.Equals(request.MessageAction, "RESEND", StringComparison.Ordinal)
            ? await ResendAsync(settings, request, password, ct)
            : await CreateAsync(settings, request, password, ct);
    }

    private async Task<AwsResult> CreateAsync(
        PoolSettings settings, AdminCreateUserRequest request, string password, CancellationToken ct)
    {
        if (CheckUsernameShape(settings, request.Username) is { } shapeError)
        {
            return shapeError;
        }

        var sub = Guid.NewGuid().ToString();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { [UserAttributeNames.Sub] = sub };
        if (UserAttributeEdits.Apply(settings, attributes, request.UserAttributes ?? [], creating: true) is { } error)
        {
            return error;
        }

        AddUsernameAttribute(settings, request.Username, attributes);
        if ((UserAttributeEdits.CheckVerifiedNeedsValue(attributes)
                ?? UserAttributeEdits.CheckRequired(settings, attributes)) is { } attributeError)
        {
            return attributeError;
        }

        var media = new List<MessageChannel>();
        if (!string.Equals(request.MessageAction, "SUPPRESS", StringComparison.Ordinal)
            && InvitationSender.ChooseMedia(request.DesiredDeliveryMediums, attributes, out media) is { } mediaError)
        {
            return mediaError;
        }

        var username = settings.UsernameIsSub ? sub : request.Username;
        var usernameKey = settings.UsernameKey(username);
        if (await db.Users.AnyAsync(u => u.PoolId == settings.Pool.Id && u.UsernameKey == usernameKey, ct))
        {
            return AwsError.UsernameExists(UserMessages.UserExists);
        }

        var now = clock.GetUtcNow();
        var aliases = AliasKeys.From(settings, attributes);
        if (await AliasConflicts.ResolveAsync(db, settings, aliases, exceptUserId: 0,
                request.ForceAliasCreation == true, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        var (decision, triggerError) = await preSignUp.RunAsync(settings.Pool, "PreSignUp_AdminCreateUser", username,
            clientId: null, attributes, request.ValidationData, request.ClientMetadata, ct);
        if (triggerError is not null)
        {
            return triggerError;
        }

        SignUp.ApplyAutoVerify(decision!, attributes);
        var user = new User
        {
            PoolId = settings.Pool.Id,
            Username = username,
            UsernameKey = usernameKey,
            Sub = sub,
            Status = UserStatuses.ForceChangePassword,
            Enabled = true,
            CreatedAt = now,
        };
        UserRecordWriter.Write(user, settings, attributes, now);
        passwords.Set(user, password, now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A parallel create took the username or an alias between the checks above and this write.
            return AwsError.UsernameExists(UserMessages.UserExists);
        }

        Log.UserCreated(logger, settings.Pool.Id, sub);
        await invitations.SendAsync(settings, request.Username, password, attributes, media, ct);
        return AwsResult.Ok(new AdminCreateUserResponse { User = UserShapes.ToUserType(user) });
    }

    private async Task<AwsResult> ResendAsync(
        PoolSettings settings, AdminCreateUserRequest request, string password, CancellationToken ct)
    {
        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (!string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            return AwsError.UnsupportedUserState(UserMessages.ResendNotPossible(request.Username));
        }

        var attributes = UserRecordWriter.ReadAttributes(user);
        if (InvitationSender.ChooseMedia(request.DesiredDeliveryMediums, attributes, out var media) is { } mediaError)
        {
            return mediaError;
        }

        var now = clock.GetUtcNow();
        passwords.Set(user, password, now);
        user.LastModifiedAt = now;
        await db.SaveChangesAsync(ct);
        await invitations.SendAsync(settings, request.Username, password, attributes, media, ct);
        return AwsResult.Ok(new AdminCreateUserResponse { User = UserShapes.ToUserType(user) });
    }

    /// <summary>In pools that sign in by email/phone, the Username must be one (Cognito generates the username).</summary>
    internal static AwsError? CheckUsernameShape(PoolSettings settings, string username)
    {
        if (!settings.UsernameIsSub)
        {
            return null;
        }

        var isEmail = settings.EmailIsUsername
            && UserAttributeRules.CheckValue(settings, UserAttributeNames.Email, username) is null;
        var isPhone = settings.PhoneIsUsername
            && UserAttributeRules.CheckValue(settings, UserAttributeNames.PhoneNumber, username) is null;
        if (isEmail || isPhone)
        {
            return null;
        }

        return AwsError.InvalidParameter(settings switch
        {
            { EmailIsUsername: true, PhoneIsUsername: true } => UserMessages.UsernameShouldBeEmailOrPhone,
            { EmailIsUsername: true } => UserMessages.UsernameShouldBeEmail,
            _ => UserMessages.UsernameShouldBePhone,
        });
    }

    /// <summary>The Username of an email/phone pool is also that attribute's value.</summary>
    internal static void AddUsernameAttribute(PoolSettings settings, string username, Dictionary<string, string> attributes)
    {
        if (!settings.UsernameIsSub)
        {
            return;
        }

        var name = username.StartsWith('+') && settings.PhoneIsUsername
            ? UserAttributeNames.PhoneNumber
            : UserAttributeNames.Email;
        attributes.TryAdd(name, username);
    }
}
