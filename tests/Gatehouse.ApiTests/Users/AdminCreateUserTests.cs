using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Users;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

public sealed class AdminCreateUserTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private static readonly string[] EmailOnly = ["EMAIL"];
    private static readonly string[] EmailAndSms = ["EMAIL", "SMS"];
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task AdminCreateUser_WithTemporaryPassword_ReturnsUserInForceChangePassword()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "alice",
            TemporaryPassword = "Temp1234!",
            UserAttributes = new[] { new { Name = "email", Value = "alice@example.com" } },
            MessageAction = "SUPPRESS",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = response["User"]!.AsObject();
        Assert.Equal("alice", user["Username"]!.GetValue<string>());
        Assert.Equal("FORCE_CHANGE_PASSWORD", user["UserStatus"]!.GetValue<string>());
        Assert.True(user["Enabled"]!.GetValue<bool>());
        Assert.True(user["UserCreateDate"]!.GetValue<double>() > 0);
        Assert.True(user["UserLastModifiedDate"]!.GetValue<double>() > 0);
        var attributes = Attributes(user["Attributes"]!);
        Assert.True(Guid.TryParse(attributes["sub"], out _));
        Assert.Equal("alice@example.com", attributes["email"]);
    }

    [Fact]
    public async Task AdminCreateUser_TemporaryPassword_StoredAsSrpVerifier()
    {
        var pool = await TestPools.CreateAsync(factory);

        await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "verifier-user",
            TemporaryPassword = "Temp1234!",
            MessageAction = "SUPPRESS",
        });

        var stored = await TestStore.UserAsync(factory, pool, "verifier-user");
        Assert.Equal(32, stored.PasswordSalt!.Length);
        Assert.NotNull(stored.PasswordSetAt);
        var expected = PasswordVerifier.ComputeVerifierHex(
            PasswordVerifier.PoolName(pool), "verifier-user", "Temp1234!", stored.PasswordSalt);
        Assert.Equal(expected, TestStore.UnprotectVerifier(factory, stored));
        Assert.DoesNotContain(expected, stored.PasswordVerifierProtected!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sh0rt!", "Password not long enough")]
    [InlineData("alllower1!", "Password must have uppercase characters")]
    [InlineData("NoNumbers!", "Password must have numeric characters")]
    [InlineData("NoSymbols12", "Password must have symbol characters")]
    public async Task AdminCreateUser_PasswordBreaksPolicy_InvalidPassword(string password, string reason)
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "bob",
            TemporaryPassword = password,
            MessageAction = "SUPPRESS",
        });

        Assert.Equal("InvalidPasswordException", response.ErrorType);
        Assert.Contains(reason, response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateUser_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = "us-east-1_nopool123",
            Username = "x",
            MessageAction = "SUPPRESS",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("User pool us-east-1_nopool123 does not exist.", response.Message);
    }

    [Fact]
    public async Task AdminCreateUser_TakenUsername_UsernameExists()
    {
        var pool = await TestPools.CreateAsync(factory);
        await CreateAsync(pool, "carol");

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "carol",
            MessageAction = "SUPPRESS",
        });

        Assert.Equal("UsernameExistsException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "84")]
    [Fact]
    public async Task AdminCreateUser_CaseInsensitivePoolOtherCase_UsernameExists()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        });
        await CreateAsync(pool, "Dave");

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "dAVE",
            MessageAction = "SUPPRESS",
        });

        Assert.Equal("UsernameExistsException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_CaseSensitivePoolOtherCase_Created()
    {
        var pool = await TestPools.CreateAsync(factory);
        await CreateAsync(pool, "Erin");

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "erin",
            MessageAction = "SUPPRESS",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task AdminCreateUser_GeneratedPassword_InvitationInOutboxSatisfiesPolicy()
    {
        var pool = await TestPools.CreateAsync(factory);
        var email = $"{Guid.NewGuid():N}@example.com";

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "frank",
            UserAttributes = new[] { new { Name = "email", Value = email } },
            DesiredDeliveryMediums = EmailOnly,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var message = Assert.Single(await TestStore.OutboxAsync(factory, email));
        Assert.Equal("EMAIL", message.Channel);
        Assert.Equal(InvitationSender.DefaultSubject, message.Subject);
        const string prefix = "Your username is frank and temporary password is ";
        Assert.StartsWith(prefix, message.Body, StringComparison.Ordinal);
        var password = message.Body[prefix.Length..^1];
        Assert.Null(PasswordRules.Violation(PasswordRules.DefaultPolicy, password));
        var stored = await TestStore.UserAsync(factory, pool, "frank");
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(pool), "frank", password,
            stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
    }

    [Fact]
    public async Task AdminCreateUser_PoolTemplate_PlaceholdersReplacedOnEmailAndSms()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            AdminCreateUserConfig = new AdminCreateUserConfigType
            {
                InviteMessageTemplate = new MessageTemplateType
                {
                    EmailSubject = "Welcome",
                    EmailMessage = "Hi {username}, use {####}",
                    SMSMessage = "{username}/{####}",
                },
            },
        });
        var email = $"{Guid.NewGuid():N}@example.com";
        var phone = "+1555" + Random.Shared.Next(1000000, 9999999);

        await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "gina",
            TemporaryPassword = "Temp1234!",
            UserAttributes = new[] { new { Name = "email", Value = email }, new { Name = "phone_number", Value = phone } },
            DesiredDeliveryMediums = EmailAndSms,
        });

        var mail = Assert.Single(await TestStore.OutboxAsync(factory, email));
        Assert.Equal("Welcome", mail.Subject);
        Assert.Equal("Hi gina, use Temp1234!", mail.Body);
        var sms = Assert.Single(await TestStore.OutboxAsync(factory, phone));
        Assert.Equal("SMS", sms.Channel);
        Assert.Equal("gina/Temp1234!", sms.Body);
    }

    [Fact]
    public async Task AdminCreateUser_Suppress_NoMessage()
    {
        var pool = await TestPools.CreateAsync(factory);

        await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "hank",
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "email", Value = "hank@example.com" } },
            DesiredDeliveryMediums = EmailOnly,
        });

        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, pool));
    }

    [Fact]
    public async Task AdminCreateUser_NoEmailNorPhone_CreatedWithoutMessage()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new { UserPoolId = pool, Username = "ivy" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, pool));
    }

    [Theory]
    [InlineData("EMAIL", UserMessages.NoEmailForDelivery)]
    [InlineData("SMS", UserMessages.NoPhoneForDelivery)]
    public async Task AdminCreateUser_MediumWithoutAttribute_InvalidParameter(string medium, string message)
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "jack",
            DesiredDeliveryMediums = new[] { medium },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(message, response.Message);
    }

    [Fact]
    public async Task AdminCreateUser_ResendExistingUser_NewPasswordSent()
    {
        var pool = await TestPools.CreateAsync(factory);
        var email = $"{Guid.NewGuid():N}@example.com";
        await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "kim",
            TemporaryPassword = "First123!",
            UserAttributes = new[] { new { Name = "email", Value = email } },
            DesiredDeliveryMediums = EmailOnly,
        });

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "kim",
            TemporaryPassword = "Second123!",
            MessageAction = "RESEND",
            DesiredDeliveryMediums = EmailOnly,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var messages = await TestStore.OutboxAsync(factory, email);
        Assert.Equal(2, messages.Count);
        Assert.Contains("Second123!", messages[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreateUser_ResendUnknownUser_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "nobody",
            MessageAction = "RESEND",
        });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_ResendConfirmedUser_UnsupportedUserState()
    {
        var pool = await TestPools.CreateAsync(factory);
        await CreateAsync(pool, "lou");
        await _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = "lou",
            Password = "Perm1234!",
            Permanent = true,
        });

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "lou",
            MessageAction = "RESEND",
        });

        Assert.Equal("UnsupportedUserStateException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_UnknownAttribute_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "mia",
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "custom:nope", Value = "x" } },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("custom:nope", response.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("phone_number", "5551234")]
    [InlineData("phone_number", "+1 555 1234")]
    [InlineData("email_verified", "yes")]
    [InlineData("birthdate", "1999")]
    [InlineData("updated_at", "abc")]
    [InlineData("sub", "3f0b3f0b-3f0b-3f0b-3f0b-3f0b3f0b3f0b")]
    public async Task AdminCreateUser_BadAttributeValue_InvalidParameter(string name, string value)
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "ned",
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = name, Value = value } },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_ValueOver2048Bytes_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "olga",
            MessageAction = "SUPPRESS",
            UserAttributes = new[] { new { Name = "address", Value = new string('é', 1025) } },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_CustomAttributeConstraints_Enforced()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            SchemaAttributes =
            [
                .. DefaultSchema.Attributes,
                new SchemaAttributeType
                {
                    Name = "custom:level", AttributeDataType = "Number", Mutable = true,
                    NumberAttributeConstraints = new NumberAttributeConstraintsType { MinValue = "1", MaxValue = "10" },
                },
                new SchemaAttributeType
                {
                    Name = "custom:team", AttributeDataType = "String", Mutable = false,
                    StringAttributeConstraints = new StringAttributeConstraintsType { MinLength = "2", MaxLength = "4" },
                },
            ],
        });

        var tooHigh = await CreateWithAsync(pool, "p1", ("custom:level", "11"));
        var tooLong = await CreateWithAsync(pool, "p2", ("custom:team", "abcde"));
        var ok = await CreateWithAsync(pool, "p3", ("custom:level", "10"), ("custom:team", "ab"));

        Assert.Equal("InvalidParameterException", tooHigh.ErrorType);
        Assert.Equal("InvalidParameterException", tooLong.ErrorType);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
    }

    [Fact]
    public async Task AdminCreateUser_RequiredAttributeMissing_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { SchemaAttributes = DefaultSchema.Requiring("email") });

        var missing = await CreateWithAsync(pool, "quinn");
        var given = await CreateWithAsync(pool, "quinn", ("email", "q@example.com"));

        Assert.Equal("InvalidParameterException", missing.ErrorType);
        Assert.Contains("email", missing.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, given.Status);
    }

    [Fact]
    public async Task AdminCreateUser_VerifiedFlagsGiven_Honoured()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await CreateWithAsync(pool, "rae", ("email", "rae@example.com"), ("email_verified", "true"),
            ("phone_number", "+15550001111"), ("phone_number_verified", "false"));

        var attributes = Attributes(response["User"]!["Attributes"]!);
        Assert.Equal("true", attributes["email_verified"]);
        Assert.Equal("false", attributes["phone_number_verified"]);
    }

    [Fact]
    public async Task AdminCreateUser_VerifiedWithoutEmail_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await CreateWithAsync(pool, "sam", ("email_verified", "true"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_EmailAsUsername_UsernameIsSubAndEmailSet()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { UsernameAttributes = ["email"] });

        var response = await CreateWithAsync(pool, "Tom@Example.com");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = response["User"]!;
        var attributes = Attributes(user["Attributes"]!);
        Assert.Equal(attributes["sub"], user["Username"]!.GetValue<string>());
        Assert.Equal("Tom@Example.com", attributes["email"]);
        var stored = await TestStore.UserAsync(factory, pool, attributes["sub"]);
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(pool), attributes["sub"],
            "Temp1234!", stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
    }

    [Theory]
    [InlineData("email", "not-an-email", UserMessages.UsernameShouldBeEmail)]
    [InlineData("phone_number", "bob", UserMessages.UsernameShouldBePhone)]
    public async Task AdminCreateUser_UsernameAttributesWrongShape_InvalidParameter(
        string attribute, string username, string message)
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { UsernameAttributes = [attribute] });

        var response = await CreateWithAsync(pool, username);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(message, response.Message);
    }

    [Fact]
    public async Task AdminCreateUser_EmailAsUsernameTaken_UsernameExists()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            UsernameAttributes = ["email"],
            UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        });
        await CreateWithAsync(pool, "uma@example.com");

        var response = await CreateWithAsync(pool, "UMA@example.com");

        Assert.Equal("UsernameExistsException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_VerifiedEmailAliasTaken_AliasExists()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await CreateWithAsync(pool, "vic1", ("email", "vic@example.com"), ("email_verified", "true"));

        var response = await CreateWithAsync(pool, "vic2", ("email", "vic@example.com"), ("email_verified", "true"));

        Assert.Equal("AliasExistsException", response.ErrorType);
    }

    [Fact]
    public async Task AdminCreateUser_UnverifiedEmailInAliasPool_NoConflict()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await CreateWithAsync(pool, "wes1", ("email", "wes@example.com"), ("email_verified", "true"));

        var response = await CreateWithAsync(pool, "wes2", ("email", "wes@example.com"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task AdminCreateUser_ForceAliasCreation_MovesAlias()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await CreateWithAsync(pool, "xan1", ("email", "xan@example.com"), ("email_verified", "true"));

        var response = await _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = "xan2",
            MessageAction = "SUPPRESS",
            ForceAliasCreation = true,
            UserAttributes = new[]
            {
                new { Name = "email", Value = "xan@example.com" }, new { Name = "email_verified", Value = "true" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var byAlias = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "xan@example.com" });
        Assert.Equal("xan2", byAlias["Username"]!.GetValue<string>());
        var previous = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "xan1" });
        Assert.Equal("false", Attributes(previous["UserAttributes"]!)["email_verified"]);
    }

    [Fact]
    public async Task AdminCreateUser_PreferredUsernameAliasTaken_AliasExists()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["preferred_username"] });
        await CreateWithAsync(pool, "yul1", ("preferred_username", "yul"));

        var response = await CreateWithAsync(pool, "yul2", ("preferred_username", "yul"));

        Assert.Equal("AliasExistsException", response.ErrorType);
    }

    internal static Dictionary<string, string> Attributes(JsonNode list) =>
        list.AsArray().ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());

    private Task<AwsResponse> CreateAsync(string pool, string username) =>
        CreateWithAsync(pool, username);

    private Task<AwsResponse> CreateWithAsync(string pool, string username, params (string Name, string Value)[] attributes) =>
        _client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = username,
            TemporaryPassword = "Temp1234!",
            MessageAction = "SUPPRESS",
            UserAttributes = attributes.Select(a => new { a.Name, a.Value }).ToArray(),
        });
}
