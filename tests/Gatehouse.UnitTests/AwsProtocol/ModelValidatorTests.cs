using System.Text.Json;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.UnitTests.AwsProtocol;

public sealed class ModelValidatorTests
{
    private static readonly ApiModel Model = ApiModel.Load("cognito-idp.model.json");
    private readonly ModelValidator _validator = new(Model);

    private AwsError? Validate(string operation, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return _validator.Validate(Model.InputOf(operation), doc.RootElement);
    }

    [Fact]
    public void Validate_ValidRequest_ReturnsNull() =>
        Assert.Null(Validate("AdminGetUser", """{"UserPoolId":"us-east-1_abc","Username":"alice"}"""));

    [Fact]
    public void Validate_MissingRequiredMember_InvalidParameterNamingIt()
    {
        var error = Validate("AdminGetUser", """{"UserPoolId":"us-east-1_abc"}""");

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.Contains("at 'username' failed to satisfy constraint: Member must not be null", error?.Message);
    }

    [Fact]
    public void Validate_PatternMismatch_InvalidParameter()
    {
        var error = Validate("AdminGetUser", """{"UserPoolId":"no-underscore","Username":"alice"}""");

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.StartsWith("1 validation error detected: Value 'no-underscore' at 'userPoolId'", error?.Message);
    }

    [Fact]
    public void Validate_WrongType_SerializationException() =>
        Assert.Equal("SerializationException", Validate("AdminGetUser", """{"UserPoolId":5,"Username":"a"}""")?.Type);

    [Fact]
    public void Validate_RangeAndLength_EachViolationCounted()
    {
        var error = Validate("ListUsers", """{"UserPoolId":"us-east-1_abc","Limit":61,"Filter":"%s"}""".Replace("%s", new string('a', 300), StringComparison.Ordinal));

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.StartsWith("2 validation errors detected", error?.Message);
    }

    [Fact]
    public void Validate_EnumOutsideSet_InvalidParameter()
    {
        var error = Validate("AdminCreateUser", """{"UserPoolId":"us-east-1_abc","Username":"a","MessageAction":"SHOUT"}""");

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.Contains("enum value set", error?.Message);
    }

    [Fact]
    public void Validate_SensitiveValue_NotEchoed()
    {
        var error = Validate("AdminCreateUser", """{"UserPoolId":"us-east-1_abc","Username":"a","TemporaryPassword":"x y"}""");

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.DoesNotContain("x y", error?.Message);
    }

    [Fact]
    public void Validate_NestedListMember_PathUsesAwsForm()
    {
        var error = Validate("AdminUpdateUserAttributes",
            """{"UserPoolId":"us-east-1_abc","Username":"a","UserAttributes":[{"Value":"v"}]}""");

        Assert.Contains("at 'userAttributes.1.member.name'", error?.Message);
    }

    [Fact]
    public void Validate_NotAnObject_SerializationException() =>
        Assert.Equal("SerializationException", Validate("AdminGetUser", "[1,2]")?.Type);

    [Fact]
    public void Model_EveryPattern_CompilesInDotNet()
    {
        foreach (var shape in Model.Shapes.Values.Where(s => s.Pattern is not null))
        {
            _ = new System.Text.RegularExpressions.Regex(shape.Pattern!);
        }
    }
}
