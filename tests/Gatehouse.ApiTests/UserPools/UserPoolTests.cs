using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

public sealed partial class UserPoolTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private static readonly string[] Email = ["email"];
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [GeneratedRegex("^us-east-1_[A-Za-z0-9]{9}$")]
    private static partial Regex PoolIdShape();

    private static JsonObject Json(string text) => JsonNode.Parse(text)?.AsObject() ?? throw new ArgumentException(text);

    private async Task<JsonObject> DescribeAsync(string poolId)
    {
        var response = await _client.CallAsync("DescribeUserPool", new { UserPoolId = poolId });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response["UserPool"]?.AsObject() ?? throw new InvalidOperationException(response.Text);
    }

    [Fact]
    public async Task CreateUserPool_NameOnly_ReturnsCognitoDefaults()
    {
        var name = UserPoolBuilder.UniqueName();
        var before = factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        var response = await _client.CallAsync("CreateUserPool", new { PoolName = name });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var pool = response["UserPool"]!.AsObject(); // Status OK means the member is present.
        var id = pool["Id"]!.GetValue<string>(); // Always present on a created pool.
        Assert.Matches(PoolIdShape(), id);
        Assert.Equal(name, pool["Name"]?.GetValue<string>());
        Assert.Equal($"arn:aws:cognito-idp:us-east-1:000000000000:userpool/{id}", pool["Arn"]?.GetValue<string>());
        Assert.InRange(pool["CreationDate"]!.GetValue<double>(), before, before + 1); // Present on every pool.
        Assert.Equal(0, pool["EstimatedNumberOfUsers"]?.GetValue<int>());
        Assert.Equal("OFF", pool["MfaConfiguration"]?.GetValue<string>());
        Assert.Equal("INACTIVE", pool["DeletionProtection"]?.GetValue<string>());
        Assert.Equal("ESSENTIALS", pool["UserPoolTier"]?.GetValue<string>());
        Assert.Equal("COGNITO_DEFAULT", pool["EmailConfiguration"]?["EmailSendingAccount"]?.GetValue<string>());
        Assert.Equal("CONFIRM_WITH_CODE", pool["VerificationMessageTemplate"]?["DefaultEmailOption"]?.GetValue<string>());
        Assert.False(pool["AdminCreateUserConfig"]?["AllowAdminCreateUserOnly"]?.GetValue<bool>());
        Assert.Equal(7, pool["AdminCreateUserConfig"]?["UnusedAccountValidityDays"]?.GetValue<int>());
        Assert.True(pool["UsernameConfiguration"]?["CaseSensitive"]?.GetValue<bool>());
        var policy = pool["Policies"]?["PasswordPolicy"];
        Assert.Equal(8, policy?["MinimumLength"]?.GetValue<int>());
        Assert.True(policy?["RequireUppercase"]?.GetValue<bool>());
        Assert.True(policy?["RequireLowercase"]?.GetValue<bool>());
        Assert.True(policy?["RequireNumbers"]?.GetValue<bool>());
        Assert.True(policy?["RequireSymbols"]?.GetValue<bool>());
        Assert.Equal(7, policy?["TemporaryPasswordValidityDays"]?.GetValue<int>());
        Assert.Equal("PASSWORD", pool["Policies"]?["SignInPolicy"]?["AllowedFirstAuthFactors"]?[0]?.GetValue<string>());
        Assert.NotNull(pool["LambdaConfig"]?.AsObject());
        Assert.Null(pool["AccountRecoverySetting"]);
    }

    [Fact]
    public async Task DescribeUserPool_NewPool_HasFullStandardSchema()
    {
        var id = await _client.CreatePoolIdAsync();

        var schema = (await DescribeAsync(id))["SchemaAttributes"]!.AsArray(); // Every pool has a schema.

        var names = schema.Select(a => a?["Name"]?.GetValue<string>()).ToList();
        Assert.Equal(
            ["sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
             "picture", "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale",
             "phone_number", "phone_number_verified", "address", "updated_at"],
            names);
        var sub = schema[0]!; // The list above has sub first.
        Assert.False(sub["Mutable"]?.GetValue<bool>());
        Assert.True(sub["Required"]?.GetValue<bool>());
        Assert.Equal("1", sub["StringAttributeConstraints"]?["MinLength"]?.GetValue<string>());
        Assert.Equal("2048", sub["StringAttributeConstraints"]?["MaxLength"]?.GetValue<string>());
        var verified = schema.Single(a => a?["Name"]?.GetValue<string>() == "email_verified")!; // Listed above.
        Assert.Equal("Boolean", verified["AttributeDataType"]?.GetValue<string>());
        var updatedAt = schema.Single(a => a?["Name"]?.GetValue<string>() == "updated_at")!; // Listed above.
        Assert.Equal("Number", updatedAt["AttributeDataType"]?.GetValue<string>());
        Assert.Equal("0", updatedAt["NumberAttributeConstraints"]?["MinValue"]?.GetValue<string>());
        var birthdate = schema.Single(a => a?["Name"]?.GetValue<string>() == "birthdate")!; // Listed above.
        Assert.Equal("10", birthdate["StringAttributeConstraints"]?["MinLength"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateUserPool_SchemaWithStandardAndCustom_MergedAndPrefixed()
    {
        var id = await _client.CreatePoolIdAsync(Json("""
            {"Schema":[
              {"Name":"email","Required":true,"Mutable":true},
              {"Name":"tenant","AttributeDataType":"String","Mutable":false,"StringAttributeConstraints":{"MinLength":"2","MaxLength":"40"}},
              {"Name":"level","AttributeDataType":"Number","NumberAttributeConstraints":{"MinValue":"1","MaxValue":"9"}},
              {"Name":"secretish","AttributeDataType":"Boolean","DeveloperOnlyAttribute":true}
            ]}
            """));

        var schema = (await DescribeAsync(id))["SchemaAttributes"]!.AsArray(); // Every pool has a schema.
        JsonNode Find(string name) => schema.Single(a => a?["Name"]?.GetValue<string>() == name)!; // Asserted by Single.
        Assert.True(Find("email")["Required"]?.GetValue<bool>());
        var tenant = Find("custom:tenant");
        Assert.False(tenant["Mutable"]?.GetValue<bool>());
        Assert.False(tenant["Required"]?.GetValue<bool>());
        Assert.Equal("2", tenant["StringAttributeConstraints"]?["MinLength"]?.GetValue<string>());
        Assert.Equal("40", tenant["StringAttributeConstraints"]?["MaxLength"]?.GetValue<string>());
        Assert.Equal("9", Find("custom:level")["NumberAttributeConstraints"]?["MaxValue"]?.GetValue<string>());
        Assert.True(Find("dev:secretish")["DeveloperOnlyAttribute"]?.GetValue<bool>());
        Assert.Equal(23, schema.Count);
    }

    [Theory]
    [InlineData("""{"Name":"x","Required":true}""")]
    [InlineData("""{"Name":"sub","Mutable":true}""")]
    [InlineData("""{"Name":"email","AttributeDataType":"Number"}""")]
    [InlineData("""{"Name":"x","AttributeDataType":"String","NumberAttributeConstraints":{"MinValue":"1"}}""")]
    [InlineData("""{"Name":"x","AttributeDataType":"String","StringAttributeConstraints":{"MinLength":"5","MaxLength":"2"}}""")]
    [InlineData("""{"Name":"x","AttributeDataType":"String","StringAttributeConstraints":{"MaxLength":"5000"}}""")]
    [InlineData("""{"Name":"x","AttributeDataType":"Number","NumberAttributeConstraints":{"MinValue":"abc"}}""")]
    [InlineData("""{"Name":"x","AttributeDataType":"Boolean","StringAttributeConstraints":{}}""")]
    public async Task CreateUserPool_InvalidSchemaAttribute_InvalidParameter(string attribute)
    {
        var response = await _client.SendAsync("CreateUserPool", $$"""{"PoolName":"p","Schema":[{{attribute}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPool_DuplicateCustomAttribute_InvalidParameter()
    {
        var response = await _client.SendAsync("CreateUserPool",
            """{"PoolName":"p","Schema":[{"Name":"a","AttributeDataType":"String"},{"Name":"a","AttributeDataType":"String"}]}""");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("custom:a", response.Message);
    }

    [Fact]
    public async Task CreateUserPool_AliasAndUsernameAttributes_InvalidParameter()
    {
        var response = await _client.CallAsync("CreateUserPool",
            new { PoolName = "p", AliasAttributes = Email, UsernameAttributes = Email });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.", response.Message);
    }

    [Fact]
    public async Task CreateUserPool_AllSettings_RoundTripThroughDescribe()
    {
        var settings = Json("""
            {
              "Policies":{"PasswordPolicy":{"MinimumLength":12,"RequireUppercase":false,"RequireLowercase":true,
                "RequireNumbers":true,"RequireSymbols":false,"PasswordHistorySize":3,"TemporaryPasswordValidityDays":3}},
              "DeletionProtection":"ACTIVE",
              "LambdaConfig":{"PreSignUp":"arn:aws:lambda:us-east-1:123456789012:function:pre"},
              "AutoVerifiedAttributes":["email"],
              "AliasAttributes":["email","preferred_username"],
              "VerificationMessageTemplate":{"SmsMessage":"Code {####}","EmailMessage":"Your code is {####}",
                "EmailSubject":"Verify","DefaultEmailOption":"CONFIRM_WITH_CODE"},
              "SmsAuthenticationMessage":"Auth {####}",
              "UserAttributeUpdateSettings":{"AttributesRequireVerificationBeforeUpdate":["email"]},
              "DeviceConfiguration":{"ChallengeRequiredOnNewDevice":true,"DeviceOnlyRememberedOnUserPrompt":true},
              "EmailConfiguration":{"SourceArn":"arn:aws:ses:us-east-1:123456789012:identity/a@example.com",
                "ReplyToEmailAddress":"r@example.com","EmailSendingAccount":"DEVELOPER","From":"A <a@example.com>"},
              "SmsConfiguration":{"SnsCallerArn":"arn:aws:iam::123456789012:role/sns","ExternalId":"x","SnsRegion":"us-east-1"},
              "UserPoolTags":{"team":"id","env":"test"},
              "AdminCreateUserConfig":{"AllowAdminCreateUserOnly":true,
                "InviteMessageTemplate":{"EmailMessage":"Hi {username}, {####}","EmailSubject":"Welcome","SMSMessage":"{username} {####}"}},
              "UsernameConfiguration":{"CaseSensitive":false},
              "AccountRecoverySetting":{"RecoveryMechanisms":[{"Priority":1,"Name":"verified_email"},{"Priority":2,"Name":"verified_phone_number"}]},
              "UserPoolTier":"PLUS",
              "UserPoolAddOns":{"AdvancedSecurityMode":"AUDIT"}
            }
            """);

        var id = await _client.CreatePoolIdAsync(settings.DeepClone().AsObject());
        var pool = await DescribeAsync(id);

        foreach (var (key, value) in settings)
        {
            if (key is "Policies")
            {
                Assert.True(JsonNode.DeepEquals(value?["PasswordPolicy"], pool["Policies"]?["PasswordPolicy"]), key);
                continue;
            }

            if (key is "AdminCreateUserConfig")
            {
                Assert.True(JsonNode.DeepEquals(value?["InviteMessageTemplate"], pool[key]?["InviteMessageTemplate"]), key);
                Assert.True(pool[key]?["AllowAdminCreateUserOnly"]?.GetValue<bool>());
                Assert.Equal(3, pool[key]?["UnusedAccountValidityDays"]?.GetValue<int>());
                continue;
            }

            Assert.True(JsonNode.DeepEquals(value, pool[key]), $"{key}: sent {value?.ToJsonString()}, got {pool[key]?.ToJsonString()}");
        }

        Assert.Equal("Your code is {####}", pool["EmailVerificationMessage"]?.GetValue<string>());
        Assert.Equal("Code {####}", pool["SmsVerificationMessage"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateUserPool_PartialPasswordPolicy_UnsetFlagsFalseAndDefaults()
    {
        var pool = await _client.CreatePoolAsync(Json("""{"Policies":{"PasswordPolicy":{"RequireNumbers":true}}}"""));

        var policy = pool["Policies"]?["PasswordPolicy"];
        Assert.Equal(8, policy?["MinimumLength"]?.GetValue<int>());
        Assert.True(policy?["RequireNumbers"]?.GetValue<bool>());
        Assert.False(policy?["RequireUppercase"]?.GetValue<bool>());
        Assert.Equal(7, policy?["TemporaryPasswordValidityDays"]?.GetValue<int>());
    }

    [Fact]
    public async Task CreateUserPool_LegacyUnusedAccountValidityDays_AppliesToTemporaryPasswords()
    {
        var pool = await _client.CreatePoolAsync(Json("""{"AdminCreateUserConfig":{"UnusedAccountValidityDays":10}}"""));

        Assert.Equal(10, pool["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"]?.GetValue<int>());
        Assert.Equal(10, pool["AdminCreateUserConfig"]?["UnusedAccountValidityDays"]?.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"Policies":{"PasswordPolicy":{"TemporaryPasswordValidityDays":3}},"AdminCreateUserConfig":{"UnusedAccountValidityDays":4}}""", "InvalidParameterException")]
    [InlineData("""{"AdminCreateUserConfig":{"InviteMessageTemplate":{"EmailMessage":"no placeholders here"}}}""", "InvalidParameterException")]
    [InlineData("""{"AdminCreateUserConfig":{"InviteMessageTemplate":{"SMSMessage":"only {####}"}}}""", "InvalidParameterException")]
    [InlineData("""{"EmailConfiguration":{"EmailSendingAccount":"DEVELOPER"}}""", "InvalidParameterException")]
    [InlineData("""{"Policies":{"SignInPolicy":{"AllowedFirstAuthFactors":["EMAIL_OTP"]}}}""", "InvalidParameterException")]
    [InlineData("""{"UserPoolTier":"LITE","Policies":{"SignInPolicy":{"AllowedFirstAuthFactors":["PASSWORD","EMAIL_OTP"]}}}""", "FeatureUnavailableInTierException")]
    [InlineData("""{"UserPoolTier":"LITE","Policies":{"PasswordPolicy":{"PasswordHistorySize":2}}}""", "FeatureUnavailableInTierException")]
    [InlineData("""{"UserPoolAddOns":{"AdvancedSecurityMode":"ENFORCED"}}""", "FeatureUnavailableInTierException")]
    [InlineData("""{"AccountRecoverySetting":{"RecoveryMechanisms":[{"Priority":1,"Name":"verified_email"},{"Priority":1,"Name":"verified_phone_number"}]}}""", "InvalidParameterException")]
    [InlineData("""{"AccountRecoverySetting":{"RecoveryMechanisms":[{"Priority":1,"Name":"admin_only"},{"Priority":2,"Name":"verified_email"}]}}""", "InvalidParameterException")]
    [InlineData("""{"UserAttributeUpdateSettings":{"AttributesRequireVerificationBeforeUpdate":["email"]}}""", "InvalidParameterException")]
    [InlineData("""{"MfaConfiguration":"ON"}""", "InvalidParameterException")]
    [InlineData("""{"VerificationMessageTemplate":{"EmailMessage":"code {####}","EmailMessageByLink":"link {##here##}"}}""", "InvalidParameterException")]
    public async Task CreateUserPool_InvalidSetting_Refused(string settings, string errorType)
    {
        var body = Json(settings);
        body["PoolName"] = "p";

        var response = await _client.SendAsync("CreateUserPool", body.ToJsonString());

        Assert.Equal(errorType, response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPool_MfaOnWithSmsConfiguration_SmsMfaActive()
    {
        var id = await _client.CreatePoolIdAsync(Json("""
            {"MfaConfiguration":"ON","SmsConfiguration":{"SnsCallerArn":"arn:aws:iam::123456789012:role/sns"}}
            """));

        var mfa = await _client.CallAsync("GetUserPoolMfaConfig", new { UserPoolId = id });

        Assert.Equal("ON", mfa["MfaConfiguration"]?.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/sns",
            mfa["SmsMfaConfiguration"]?["SmsConfiguration"]?["SnsCallerArn"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateUserPool_MissingPoolName_InvalidParameter()
    {
        var response = await _client.SendAsync("CreateUserPool", "{}");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateUserPool_OtherRegionConfigured_IdAndArnUseIt()
    {
        using var other = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Gatehouse:Region", "eu-west-2");
            b.UseSetting("Gatehouse:AccountId", "123456789012");
        });
        var client = new AwsApiClient(other.CreateClient(), factory.Clock, GatehouseFactory.AccessKeyId, GatehouseFactory.SecretAccessKey);

        var pool = await client.CreatePoolAsync();

        var id = pool["Id"]?.GetValue<string>();
        Assert.StartsWith("eu-west-2_", id, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:cognito-idp:eu-west-2:123456789012:userpool/{id}", pool["Arn"]?.GetValue<string>());
    }

    [Fact]
    public async Task DescribeUserPool_UnknownPool_ResourceNotFoundNamingIt()
    {
        var response = await _client.CallAsync("DescribeUserPool", new { UserPoolId = "us-east-1_nope12345" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("User pool us-east-1_nope12345 does not exist.", response.Message);
    }

    [Fact]
    public async Task UpdateUserPool_OmittedSettings_ResetToDefaultsKeepingImmutables()
    {
        var id = await _client.CreatePoolIdAsync(Json("""
            {"LambdaConfig":{"PreSignUp":"arn:aws:lambda:us-east-1:123456789012:function:pre"},
             "AliasAttributes":["email"],"UserPoolTags":{"k":"v"},
             "Policies":{"PasswordPolicy":{"MinimumLength":20}},
             "Schema":[{"Name":"tenant","AttributeDataType":"String"}],
             "UsernameConfiguration":{"CaseSensitive":false}}
            """));
        var created = await DescribeAsync(id);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _client.CallAsync("UpdateUserPool", new { UserPoolId = id, AutoVerifiedAttributes = Email });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("{}", response.Text);
        var pool = await DescribeAsync(id);
        Assert.Null(pool["LambdaConfig"]?["PreSignUp"]);
        Assert.Equal(8, pool["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.GetValue<int>());
        Assert.Equal("email", pool["AutoVerifiedAttributes"]?[0]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(created["AliasAttributes"], pool["AliasAttributes"]));
        Assert.True(JsonNode.DeepEquals(created["SchemaAttributes"], pool["SchemaAttributes"]));
        Assert.True(JsonNode.DeepEquals(created["UserPoolTags"], pool["UserPoolTags"]));
        Assert.False(pool["UsernameConfiguration"]?["CaseSensitive"]?.GetValue<bool>());
        Assert.Equal(created["Name"]?.GetValue<string>(), pool["Name"]?.GetValue<string>());
        Assert.Equal(created["CreationDate"]?.GetValue<double>(), pool["CreationDate"]?.GetValue<double>());
        Assert.Equal(created["CreationDate"]!.GetValue<double>() + 300, pool["LastModifiedDate"]?.GetValue<double>()); // Set on create.
    }

    [Fact]
    public async Task UpdateUserPool_NewName_Renamed()
    {
        var id = await _client.CreatePoolIdAsync();

        await _client.CallAsync("UpdateUserPool", new { UserPoolId = id, PoolName = "renamed" });

        Assert.Equal("renamed", (await DescribeAsync(id))["Name"]?.GetValue<string>());
    }

    [Fact]
    public async Task UpdateUserPool_InvalidSetting_InvalidParameterAndUnchanged()
    {
        var id = await _client.CreatePoolIdAsync(Json("""{"Policies":{"PasswordPolicy":{"MinimumLength":20}}}"""));

        var response = await _client.CallAsync("UpdateUserPool",
            new { UserPoolId = id, EmailConfiguration = new { EmailSendingAccount = "DEVELOPER" } });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(20, (await DescribeAsync(id))["Policies"]?["PasswordPolicy"]?["MinimumLength"]?.GetValue<int>());
    }

    [Fact]
    public async Task UpdateUserPool_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("UpdateUserPool", new { UserPoolId = "us-east-1_nope12345" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteUserPool_Unprotected_Deleted()
    {
        var id = await _client.CreatePoolIdAsync();
        await _client.CreateClientAsync(id);

        var response = await _client.CallAsync("DeleteUserPool", new { UserPoolId = id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("ResourceNotFoundException", (await _client.CallAsync("DescribeUserPool", new { UserPoolId = id })).ErrorType);
    }

    [Fact]
    public async Task DeleteUserPool_DeletionProtectionActive_InvalidParameterUntilDeactivated()
    {
        var id = await _client.CreatePoolIdAsync(Json("""{"DeletionProtection":"ACTIVE"}"""));

        var refused = await _client.CallAsync("DeleteUserPool", new { UserPoolId = id });
        await _client.CallAsync("UpdateUserPool", new { UserPoolId = id, DeletionProtection = "INACTIVE" });
        var deleted = await _client.CallAsync("DeleteUserPool", new { UserPoolId = id });

        Assert.Equal("InvalidParameterException", refused.ErrorType);
        Assert.Contains("deletion protection", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
    }

    [Fact]
    public async Task DeleteUserPool_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("DeleteUserPool", new { UserPoolId = "us-east-1_nope12345" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }
}
