using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.UserPools;

namespace Gatehouse.UnitTests.UserPools;

public sealed class UserPoolSchemaTests
{
    [Fact]
    public void Build_NoRequest_StandardSchema()
    {
        Assert.Null(UserPoolSchema.Build(null, out var schema));

        Assert.Equal(20, schema.Count);
        Assert.All(schema, a => Assert.False(a.DeveloperOnlyAttribute));
        Assert.Equal(["sub"], schema.Where(a => a.Required == true).Select(a => a.Name));
        Assert.Equal(["sub"], schema.Where(a => a.Mutable == false).Select(a => a.Name));
        Assert.Equal(["email_verified", "phone_number_verified"],
            schema.Where(a => a.AttributeDataType == "Boolean").Select(a => a.Name));
    }

    [Fact]
    public void Build_StandardRequiredAndNarrowed_Changed()
    {
        var error = UserPoolSchema.Build(
            [new SchemaAttributeType { Name = "name", Required = true, StringAttributeConstraints = new() { MaxLength = "100" } }],
            out var schema);

        Assert.Null(error);
        var name = schema.Single(a => a.Name == "name");
        Assert.True(name.Required);
        Assert.Equal("0", name.StringAttributeConstraints?.MinLength);
        Assert.Equal("100", name.StringAttributeConstraints?.MaxLength);
    }

    [Fact]
    public void Build_CustomWithoutType_StringMutableWithEmptyConstraints()
    {
        Assert.Null(UserPoolSchema.Build([new SchemaAttributeType { Name = "x" }], out var schema));

        var custom = schema[^1];
        Assert.Equal("custom:x", custom.Name);
        Assert.Equal("String", custom.AttributeDataType);
        Assert.True(custom.Mutable);
        Assert.False(custom.Required);
        Assert.NotNull(custom.StringAttributeConstraints);
    }

    [Fact]
    public void Build_51CustomAttributes_InvalidParameter()
    {
        var requested = Enumerable.Range(0, 51).Select(i => new SchemaAttributeType { Name = $"a{i}" }).ToList();

        Assert.Equal("InvalidParameterException", UserPoolSchema.Build(requested, out _)?.Type);
    }

    [Fact]
    public void AddCustom_ExistingName_InvalidParameterAndSchemaUnchanged()
    {
        UserPoolSchema.Build([new SchemaAttributeType { Name = "x" }], out var schema);

        var error = UserPoolSchema.AddCustom(schema, [new SchemaAttributeType { Name = "y" }, new SchemaAttributeType { Name = "x" }], out var after);

        Assert.Equal("InvalidParameterException", error?.Type);
        Assert.Same(schema, after);
    }
}
