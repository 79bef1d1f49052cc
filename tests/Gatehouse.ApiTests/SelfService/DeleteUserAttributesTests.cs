using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class DeleteUserAttributesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static Task<AwsResponse> DeleteAsync(SignedInUser user, params string[] names) =>
        user.CallAsync("DeleteUserAttributes",
            new JsonObject { ["UserAttributeNames"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) });

    [Fact]
    public async Task DeleteUserAttributes_OptionalAttributes_Removed()
    {
        var user = await SignedInUser.CreateAsync(_api, extraAttributes: [("given_name", "Ada"), ("family_name", "L")]);

        var response = await DeleteAsync(user, "given_name", "email");

        Assert.Null(response.ErrorType);
        var attributes = await user.AttributesAsync();
        Assert.False(attributes.ContainsKey("given_name"));
        Assert.False(attributes.ContainsKey("email"));
        Assert.False(attributes.ContainsKey("email_verified"));
        Assert.Equal("L", attributes["family_name"]);
    }

    [Fact]
    public async Task DeleteUserAttributes_RequiredAttribute_InvalidParameterAndNothingRemoved()
    {
        var pool = new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject
            {
                ["Name"] = "email",
                ["AttributeDataType"] = "String",
                ["Required"] = true,
                ["Mutable"] = true,
            }),
        };
        var user = await SignedInUser.CreateAsync(_api, pool, extraAttributes: ("given_name", "Ada"));

        var response = await DeleteAsync(user, "given_name", "email");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Invalid user attributes: user.email: Required attribute cannot be deleted.", response.Message);
        Assert.Equal("Ada", (await user.AttributesAsync())["given_name"]);
    }

    [Fact]
    public async Task DeleteUserAttributes_Sub_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await DeleteAsync(user, "sub");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteUserAttributes_UnknownAttribute_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await DeleteAsync(user, "custom:nope");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteUserAttributes_NotInClientWriteAttributes_NotAuthorized()
    {
        var client = new JsonObject { ["WriteAttributes"] = new JsonArray("family_name") };
        var user = await SignedInUser.CreateAsync(_api, client: client, extraAttributes: ("given_name", "Ada"));

        var response = await DeleteAsync(user, "given_name");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Ada", (await user.AttributesAsync())["given_name"]);
    }

    [Fact]
    public async Task DeleteUserAttributes_InvalidToken_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await user.CallAsync("DeleteUserAttributes",
            new JsonObject { ["UserAttributeNames"] = new JsonArray("email") }, "garbage");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }
}
