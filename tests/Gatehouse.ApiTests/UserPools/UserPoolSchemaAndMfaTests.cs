using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

public sealed class UserPoolSchemaAndMfaTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<JsonArray> SchemaAsync(string poolId)
    {
        var response = await _client.CallAsync("DescribeUserPool", new { UserPoolId = poolId });
        return response["UserPool"]?["SchemaAttributes"]?.AsArray() ?? throw new InvalidOperationException(response.Text);
    }

    [Fact]
    public async Task AddCustomAttributes_NewAttributes_AppendedWithPrefixAndConstraints()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("AddCustomAttributes", new
        {
            UserPoolId = id,
            CustomAttributes = new object[]
            {
                new { Name = "plan", AttributeDataType = "String", Mutable = true, StringAttributeConstraints = new { MinLength = "1", MaxLength = "16" } },
                new { Name = "seats", AttributeDataType = "Number", NumberAttributeConstraints = new { MinValue = "0", MaxValue = "500" } },
                new { Name = "since", AttributeDataType = "DateTime", Mutable = false },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("{}", response.Text);
        var schema = await SchemaAsync(id);
        var plan = schema.Single(a => a?["Name"]?.GetValue<string>() == "custom:plan");
        Assert.Equal("16", plan?["StringAttributeConstraints"]?["MaxLength"]?.GetValue<string>());
        var seats = schema.Single(a => a?["Name"]?.GetValue<string>() == "custom:seats");
        Assert.Equal("500", seats?["NumberAttributeConstraints"]?["MaxValue"]?.GetValue<string>());
        var since = schema.Single(a => a?["Name"]?.GetValue<string>() == "custom:since");
        Assert.False(since?["Mutable"]?.GetValue<bool>());
        Assert.Equal("DateTime", since?["AttributeDataType"]?.GetValue<string>());
    }

    [Fact]
    public async Task AddCustomAttributes_ExistingName_InvalidParameter()
    {
        var id = await _client.CreatePoolIdAsync();
        await _client.CallAsync("AddCustomAttributes", new { UserPoolId = id, CustomAttributes = new[] { new { Name = "plan" } } });

        var response = await _client.CallAsync("AddCustomAttributes", new { UserPoolId = id, CustomAttributes = new[] { new { Name = "plan" } } });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Existing attribute already has name custom:plan.", response.Message);
    }

    [Fact]
    public async Task AddCustomAttributes_Required_InvalidParameter()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("AddCustomAttributes",
            new { UserPoolId = id, CustomAttributes = new[] { new { Name = "plan", Required = true } } });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Required custom attributes are not supported currently.", response.Message);
    }

    [Fact]
    public async Task AddCustomAttributes_Beyond50_InvalidParameterAndUnchanged()
    {
        var id = await _client.CreatePoolIdAsync();
        for (var batch = 0; batch < 2; batch++)
        {
            var names = Enumerable.Range(batch * 25, 25).Select(i => new { Name = $"a{i}" }).ToArray();
            var added = await _client.CallAsync("AddCustomAttributes", new { UserPoolId = id, CustomAttributes = names });
            Assert.Equal(HttpStatusCode.OK, added.Status);
        }

        var response = await _client.CallAsync("AddCustomAttributes", new { UserPoolId = id, CustomAttributes = new[] { new { Name = "one-more" } } });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(20 + 50, (await SchemaAsync(id)).Count);
    }

    [Fact]
    public async Task AddCustomAttributes_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("AddCustomAttributes",
            new { UserPoolId = "us-east-1_nope12345", CustomAttributes = new[] { new { Name = "plan" } } });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetUserPoolMfaConfig_NewPool_Off()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("GetUserPoolMfaConfig", new { UserPoolId = id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("OFF", response["MfaConfiguration"]?.GetValue<string>());
        Assert.Null(response["SmsMfaConfiguration"]);
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_TotpOptional_StoredAndReturned()
    {
        var id = await _client.CreatePoolIdAsync();

        var set = await _client.CallAsync("SetUserPoolMfaConfig", new
        {
            UserPoolId = id,
            SoftwareTokenMfaConfiguration = new { Enabled = true },
            MfaConfiguration = "OPTIONAL",
            WebAuthnConfiguration = new { RelyingPartyId = "auth.example.com" },
        });
        var get = await _client.CallAsync("GetUserPoolMfaConfig", new { UserPoolId = id });
        var pool = await _client.CallAsync("DescribeUserPool", new { UserPoolId = id });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.True(JsonNode.DeepEquals(set.Body, get.Body), $"{set.Text} vs {get.Text}");
        Assert.Equal("OPTIONAL", get["MfaConfiguration"]?.GetValue<string>());
        Assert.True(get["SoftwareTokenMfaConfiguration"]?["Enabled"]?.GetValue<bool>());
        Assert.Equal("preferred", get["WebAuthnConfiguration"]?["UserVerification"]?.GetValue<string>());
        Assert.Equal("OPTIONAL", pool["UserPool"]?["MfaConfiguration"]?.GetValue<string>());
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_OnWithoutAnyFactor_InvalidParameter()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("SetUserPoolMfaConfig",
            new { UserPoolId = id, SoftwareTokenMfaConfiguration = new { Enabled = false }, MfaConfiguration = "ON" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_SmsWithoutSnsConfiguration_InvalidParameter()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("SetUserPoolMfaConfig",
            new { UserPoolId = id, SmsMfaConfiguration = new { SmsAuthenticationMessage = "Code {####}" }, MfaConfiguration = "ON" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_SmsWithConfiguration_StoredInPool()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("SetUserPoolMfaConfig", new
        {
            UserPoolId = id,
            SmsMfaConfiguration = new
            {
                SmsAuthenticationMessage = "Code {####}",
                SmsConfiguration = new { SnsCallerArn = "arn:aws:iam::123456789012:role/sns" },
            },
            MfaConfiguration = "ON",
        });
        var pool = (await _client.CallAsync("DescribeUserPool", new { UserPoolId = id }))["UserPool"];

        Assert.Equal("Code {####}", response["SmsMfaConfiguration"]?["SmsAuthenticationMessage"]?.GetValue<string>());
        Assert.Equal("Code {####}", pool?["SmsAuthenticationMessage"]?.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/sns", pool?["SmsConfiguration"]?["SnsCallerArn"]?.GetValue<string>());
        Assert.Equal("ON", pool?["MfaConfiguration"]?.GetValue<string>());
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_EmailWithCognitoDefaultSender_InvalidParameter()
    {
        var id = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("SetUserPoolMfaConfig",
            new { UserPoolId = id, EmailMfaConfiguration = new { Message = "Code {####}" }, MfaConfiguration = "OPTIONAL" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUserPoolMfaConfig_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("SetUserPoolMfaConfig", new { UserPoolId = "us-east-1_nope12345", MfaConfiguration = "OFF" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetUserPoolMfaConfig_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("GetUserPoolMfaConfig", new { UserPoolId = "us-east-1_nope12345" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }
}
