using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

/// <summary>Creates users through AdminCreateUser for the user-operation tests.</summary>
internal static class TestUsers
{
    public const string Password = "Temp1234!";

    public static async Task<AwsResponse> CreateAsync(
        AwsApiClient client, string pool, string username, params (string Name, string Value)[] attributes)
    {
        var response = await client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = pool,
            Username = username,
            TemporaryPassword = Password,
            MessageAction = "SUPPRESS",
            UserAttributes = attributes.Select(a => new { a.Name, a.Value }).ToArray(),
        });
        Assert.Null(response.ErrorType);
        return response;
    }
}
