using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// UpdateUserPool replaces the configuration: every omitted setting returns to its default (the operation's
/// documentation). What Cognito does not let this operation change stays: the schema, the sign-in attributes,
/// username case sensitivity; the name, tags and tier stay when omitted.
/// </summary>
internal sealed class UpdateUserPool(AppDb db, TimeProvider clock, ILogger<UpdateUserPool> logger)
    : IAwsHandler<UpdateUserPoolRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateUserPoolRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        // Cognito answers UserImportInProgressException while an import job of the pool runs (the model's errors).
        if (await UserImport.UserImportJobs.InProgressAsync(db, pool.Id, ct))
        {
            return AwsError.UserImportInProgress(UserImport.UserImportMessages.ImportInProgress);
        }

        var current = UserPoolSettings.Read(pool);
        var requested = new UserPoolType
        {
            Policies = request.Policies,
            DeletionProtection = request.DeletionProtection,
            LambdaConfig = request.LambdaConfig,
            SchemaAttributes = current.SchemaAttributes,
            AutoVerifiedAttributes = request.AutoVerifiedAttributes,
            AliasAttributes = current.AliasAttributes,
            UsernameAttributes = current.UsernameAttributes,
            SmsVerificationMessage = request.SmsVerificationMessage,
            EmailVerificationMessage = request.EmailVerificationMessage,
            EmailVerificationSubject = request.EmailVerificationSubject,
            VerificationMessageTemplate = request.VerificationMessageTemplate,
            SmsAuthenticationMessage = request.SmsAuthenticationMessage,
            UserAttributeUpdateSettings = request.UserAttributeUpdateSettings,
            MfaConfiguration = request.MfaConfiguration,
            DeviceConfiguration = request.DeviceConfiguration,
            EmailConfiguration = request.EmailConfiguration,
            SmsConfiguration = request.SmsConfiguration,
            UserPoolTags = request.UserPoolTags ?? current.UserPoolTags,
            AdminCreateUserConfig = request.AdminCreateUserConfig,
            UserPoolAddOns = request.UserPoolAddOns,
            UsernameConfiguration = current.UsernameConfiguration,
            AccountRecoverySetting = request.AccountRecoverySetting,
            UserPoolTier = request.UserPoolTier ?? current.UserPoolTier,
        };
        var factors = UserPoolSettings.ReadMfaFactors(pool);
        if (UserPoolConfig.Resolve(requested, factors, out var settings, out var newFactors) is { } configError)
        {
            return configError;
        }

        pool.Name = request.PoolName ?? pool.Name;
        pool.Settings = UserPoolSettings.Write(settings);
        pool.MfaSettings = UserPoolSettings.WriteMfaFactors(newFactors);
        pool.LastModifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(UserPoolMessages.ConcurrentUpdate);
        }

        Log.PoolUpdated(logger, pool.Id);
        return AwsResult.Empty;
    }
}
