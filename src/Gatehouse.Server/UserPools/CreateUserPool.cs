using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.UserPools;

internal sealed class CreateUserPool(
    AppDb db, UserPoolView view, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<CreateUserPool> logger)
    : IAwsHandler<CreateUserPoolRequest>
{
    public async Task<AwsResult> HandleAsync(CreateUserPoolRequest request, CancellationToken ct)
    {
        if (UserPoolSchema.Build(request.Schema, out var schema) is { } schemaError)
        {
            return schemaError;
        }

        var requested = new UserPoolType
        {
            Policies = request.Policies,
            DeletionProtection = request.DeletionProtection,
            LambdaConfig = request.LambdaConfig,
            SchemaAttributes = schema,
            AutoVerifiedAttributes = request.AutoVerifiedAttributes,
            AliasAttributes = request.AliasAttributes,
            UsernameAttributes = request.UsernameAttributes,
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
            UserPoolTags = request.UserPoolTags,
            AdminCreateUserConfig = request.AdminCreateUserConfig,
            UserPoolAddOns = request.UserPoolAddOns,
            UsernameConfiguration = request.UsernameConfiguration,
            AccountRecoverySetting = request.AccountRecoverySetting,
            UserPoolTier = request.UserPoolTier,
        };
        if (UserPoolConfig.Resolve(requested, new GetUserPoolMfaConfigResponse(), out var settings, out var factors)
            is { } configError)
        {
            return configError;
        }

        var now = clock.GetUtcNow();
        var pool = new UserPool
        {
            Id = UserPoolIds.NewPoolId(instance.Value.Region),
            Name = request.PoolName,
            CreatedAt = now,
            LastModifiedAt = now,
            Settings = UserPoolSettings.Write(settings),
            MfaSettings = UserPoolSettings.WriteMfaFactors(factors),
        };
        db.UserPools.Add(pool);
        await db.SaveChangesAsync(ct);
        Log.PoolCreated(logger, pool.Id);
        return AwsResult.Ok(new CreateUserPoolResponse { UserPool = await view.DescribeAsync(pool, ct) });
    }
}
