using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// UpdateUserAttributes: the caller (by access token) sets (or, with a blank value, deletes) its attributes. The
/// token's app client must be allowed to write each of them (WriteAttributes; NotAuthorizedException otherwise);
/// schema, mutability and format rules are AdminUpdateUserAttributes' (<see cref="UserAttributeEdits"/>). A
/// changed email or phone_number becomes unverified, any code sent for its old value stops working, and, when the
/// pool verifies that attribute automatically (AutoVerifiedAttributes), a VERIFY_ATTRIBUTE code is sent to the new
/// value and listed in CodeDeliveryDetailsList. In a pool whose UserAttributeUpdateSettings list the attribute in
/// AttributesRequireVerificationBeforeUpdate, a replaced email/phone_number keeps its old value (and verified flag)
/// and the new one waits in <see cref="User.PendingAttributes"/> until VerifyUserAttribute confirms it. ClientMetadata feeds Lambda triggers, which this server does not run.
/// </summary>
internal sealed class UpdateUserAttributes(
    AppDb db, AccessTokenAuthenticator authenticator, AttributeVerification verification, TimeProvider clock)
    : IAwsHandler<UpdateUserAttributesRequest>
{
    private static readonly string[] Verifiable = [UserAttributeNames.Email, UserAttributeNames.PhoneNumber];

    public async Task<AwsResult> HandleAsync(UpdateUserAttributesRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        if (await SelfServiceClient.LoadAsync(db, caller.ClientId, ct) is not { } client)
        {
            return AwsError.NotAuthorized(TokensMessages.InvalidAccessToken);
        }

        if (client.CheckWritable(request.UserAttributes) is { } writeError)
        {
            return writeError;
        }

        var settings = client.Pool;
        var user = caller.User;
        var before = UserRecordWriter.ReadAttributes(user);
        var attributes = new Dictionary<string, string>(before, StringComparer.Ordinal);
        if ((UserAttributeEdits.Apply(settings, attributes, request.UserAttributes, creating: false)
                ?? UserAttributeEdits.CheckVerifiedNeedsValue(attributes)) is { } editError)
        {
            return editError;
        }

        var pendingBefore = PendingAttributeValues.Read(user);
        var deferred = Defer(settings, request.UserAttributes, user, before, attributes);
        var now = clock.GetUtcNow();
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), user.Id,
                force: false, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        UserRecordWriter.Write(user, settings, attributes, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another request took the alias between the check above and this write.
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        var deliveries = new List<CodeDeliveryDetailsType>();
        var pending = PendingAttributeValues.Read(user);
        foreach (var name in deferred)
        {
            // The new value waits in PendingAttributes; the code goes to it, replacing any earlier code.
            deliveries.Add(await verification.SendCodeAsync(settings, user, name, pending[name], ct));
        }

        foreach (var name in Verifiable.Where(n => !deferred.Contains(n) && Changed(before, attributes, n)))
        {
            if (attributes.TryGetValue(name, out var value) && !IsVerified(attributes, name) && AutoVerified(settings, name))
            {
                // Issuing replaces the code sent for the old value.
                deliveries.Add(await verification.SendCodeAsync(settings, user, name, value, ct));
            }
            else
            {
                var purpose = CodePurposes.VerifyAttribute(name);
                await db.VerificationCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose).ExecuteDeleteAsync(ct);
            }
        }

        foreach (var name in pendingBefore.Keys.Where(n => !deferred.Contains(n) && !Changed(before, attributes, n)
                     && !PendingAttributeValues.Read(user).ContainsKey(n)))
        {
            // A dropped pending value: the code sent to it must not verify the current value.
            var purpose = CodePurposes.VerifyAttribute(name);
            await db.VerificationCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose).ExecuteDeleteAsync(ct);
        }

        return AwsResult.Ok(new UpdateUserAttributesResponse
        {
            CodeDeliveryDetailsList = deliveries.Count > 0 ? deliveries : null,
        });
    }

    /// <summary>
    /// AttributesRequireVerificationBeforeUpdate: a new value for a listed (and auto-verified) email/phone_number
    /// that replaces an existing one moves to the user's pending values, and the current value and its verified flag
    /// stay. A request that sets the attribute to its current value, deletes it, or changes it without deferral
    /// drops the pending value. Returns the deferred attribute names.
    /// </summary>
    private static List<string> Defer(PoolSettings settings, IReadOnlyList<AttributeType> edits, User user,
        Dictionary<string, string> before, Dictionary<string, string> attributes)
    {
        var pending = PendingAttributeValues.Read(user);
        var deferred = new List<string>();
        foreach (var name in Verifiable.Where(n => edits.Any(e => string.Equals(e.Name, n, StringComparison.Ordinal))))
        {
            // VerifiedFlagOf is non-null for the verifiable attributes.
            var flag = UserAttributeEdits.VerifiedFlagOf(name)!;
            if (Changed(before, attributes, name) && before.TryGetValue(name, out var current)
                && attributes.TryGetValue(name, out var wanted)
                && PendingAttributeValues.RequiresVerificationFirst(settings, name) && AutoVerified(settings, name)
                && !edits.Any(e => string.Equals(e.Name, flag, StringComparison.Ordinal)))
            {
                pending[name] = wanted;
                attributes[name] = current;
                Restore(before, attributes, flag);
                deferred.Add(name);
            }
            else
            {
                pending.Remove(name);
            }
        }

        PendingAttributeValues.Write(user, pending);
        return deferred;
    }

    private static void Restore(Dictionary<string, string> before, Dictionary<string, string> attributes, string name)
    {
        if (before.TryGetValue(name, out var old))
        {
            attributes[name] = old;
        }
        else
        {
            attributes.Remove(name);
        }
    }

    private static bool Changed(Dictionary<string, string> before, Dictionary<string, string> after, string name) =>
        !string.Equals(before.GetValueOrDefault(name), after.GetValueOrDefault(name), StringComparison.Ordinal);

    private static bool IsVerified(Dictionary<string, string> attributes, string name) =>
        attributes.TryGetValue(UserAttributeEdits.VerifiedFlagOf(name) ?? "", out var flag)
        && string.Equals(flag, "true", StringComparison.Ordinal);

    private static bool AutoVerified(PoolSettings settings, string name) =>
        (settings.Type.AutoVerifiedAttributes ?? []).Contains(name, StringComparer.Ordinal);
}
