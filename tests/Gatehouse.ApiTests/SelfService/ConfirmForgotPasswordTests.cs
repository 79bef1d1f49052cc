using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.SelfService;

public sealed class ConfirmForgotPasswordTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string NewPassword = "N3w-Passw0rd";

    // A parallel request finds the code consumed, the attempts used, or the user row changed.
    private static readonly string[] LosingRaceErrors =
        ["ExpiredCodeException", "LimitExceededException", "ConcurrentModificationException"];

    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task ConfirmForgotPassword_RightCode_NewVerifierConfirmedAndLockoutCleared()
    {
        var (setup, code) = await ResetRequestedAsync("ann");
        await SetLockoutAsync(setup.PoolId, "ann");

        var response = await setup.ConfirmForgotPasswordAsync("ann", code, NewPassword);

        Assert.Equal("{}", response.Text);
        var stored = await TestStore.UserAsync(factory, setup.PoolId, "ann");
        Assert.Equal("CONFIRMED", stored.Status);
        Assert.Equal(0, stored.FailedSignIns);
        Assert.Null(stored.LockedUntil);
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(setup.PoolId), "ann", NewPassword,
            stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
    }

    [Trait("SecurityRowPart", "80")]
    [Fact]
    public async Task ConfirmForgotPassword_CodeUsedTwice_SecondExpired()
    {
        var (setup, code) = await ResetRequestedAsync("bo");
        await setup.ConfirmForgotPasswordAsync("bo", code, NewPassword);

        var response = await setup.ConfirmForgotPasswordAsync("bo", code, "Other-Passw0rd");

        Assert.Equal("ExpiredCodeException", response.ErrorType);
        Assert.Equal("Invalid code provided, please request a code again.", response.Message);
    }

    [Fact]
    public async Task ConfirmForgotPassword_WrongCode_CodeMismatchAndPasswordUnchanged()
    {
        var (setup, code) = await ResetRequestedAsync("cy");
        var before = await TestStore.UserAsync(factory, setup.PoolId, "cy");

        var response = await setup.ConfirmForgotPasswordAsync("cy", SelfServiceSetup.Wrong(code), NewPassword);

        Assert.Equal("CodeMismatchException", response.ErrorType);
        Assert.Equal(before.PasswordVerifierProtected,
            (await TestStore.UserAsync(factory, setup.PoolId, "cy")).PasswordVerifierProtected);
    }

    [Fact]
    public async Task ConfirmForgotPassword_WeakPassword_InvalidPasswordAndCodeStillUsable()
    {
        var (setup, code) = await ResetRequestedAsync("dee");

        var weak = await setup.ConfirmForgotPasswordAsync("dee", code, "weak");
        var strong = await setup.ConfirmForgotPasswordAsync("dee", code, NewPassword);

        Assert.Equal("InvalidPasswordException", weak.ErrorType);
        Assert.Null(strong.ErrorType);
    }

    [Fact]
    public async Task ConfirmForgotPassword_OneSecondBeforeOneHour_Resets()
    {
        var (setup, code) = await ResetRequestedAsync("eve");

        factory.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var response = await setup.ConfirmForgotPasswordAsync("eve", code, NewPassword);

        Assert.Null(response.ErrorType);
    }

    [Trait("SecurityRowPart", "80")]
    [Fact]
    public async Task ConfirmForgotPassword_AtOneHour_ExpiredCode()
    {
        var (setup, code) = await ResetRequestedAsync("fay");

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var response = await setup.ConfirmForgotPasswordAsync("fay", code, NewPassword);

        Assert.Equal("ExpiredCodeException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "6")]
    [Fact]
    public async Task ConfirmForgotPassword_FiveWrongCodes_LimitExceeded()
    {
        var (setup, code) = await ResetRequestedAsync("gus");
        for (var i = 0; i < 5; i++)
        {
            await setup.ConfirmForgotPasswordAsync("gus", SelfServiceSetup.Wrong(code), NewPassword);
        }

        var response = await setup.ConfirmForgotPasswordAsync("gus", code, NewPassword);

        Assert.Equal("LimitExceededException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "80")]
    [Fact]
    public async Task ConfirmForgotPassword_NewerCodeRequested_OlderCodeRefused()
    {
        var (setup, first) = await ResetRequestedAsync("hal");
        await setup.ForgotPasswordAsync("hal");
        var second = await LastCodeAsync(setup);

        var old = first == second ? null : await setup.ConfirmForgotPasswordAsync("hal", first, NewPassword);
        var current = await setup.ConfirmForgotPasswordAsync("hal", second, NewPassword);

        Assert.True(old is null || old.ErrorType == "CodeMismatchException");
        Assert.Null(current.ErrorType);
    }

    [Fact]
    public async Task ConfirmForgotPassword_AdminResetCode_Accepted()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.ConfirmedUserAsync(factory, "ida", email);
        await _api.CallAsync("AdminResetUserPassword", new { UserPoolId = setup.PoolId, Username = "ida" });
        Assert.Equal("RESET_REQUIRED", (await TestStore.UserAsync(factory, setup.PoolId, "ida")).Status);

        var response = await setup.ConfirmForgotPasswordAsync("ida",
            await SelfServiceSetup.LastCodeAsync(factory, email), NewPassword);

        Assert.Null(response.ErrorType);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, setup.PoolId, "ida")).Status);
    }

    [Fact]
    public async Task ConfirmForgotPassword_UnknownUserLegacy_UserNotFound()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);

        var response = await setup.ConfirmForgotPasswordAsync("ghost", "123456", NewPassword);

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "12")]
    [Fact]
    public async Task ConfirmForgotPassword_UnknownUserExistenceErrorsPrevented_CodeMismatch()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api,
            client: new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });

        var response = await setup.ConfirmForgotPasswordAsync("ghost", "123456", NewPassword);

        Assert.Equal("CodeMismatchException", response.ErrorType);
    }

    [Fact]
    public async Task ConfirmForgotPassword_SecretClientWrongHash_NotAuthorized()
    {
        var setup = await SelfServiceSetup.CreateAsync(_api, client: new JsonObject { ["GenerateSecret"] = true });

        var response = await setup.CallAsync("ConfirmForgotPassword", new JsonObject
        {
            ["Username"] = "jo",
            ["ConfirmationCode"] = "123456",
            ["Password"] = NewPassword,
            ["SecretHash"] = setup.HashFor("not-jo"),
        }, "jo");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Unable to verify secret hash for client {setup.ClientId}", response.Message);
    }

    [Fact]
    public async Task ConfirmForgotPassword_UnknownClient_ResourceNotFound()
    {
        var response = await _api.SendAsync("ConfirmForgotPassword",
            """{"ClientId":"1example23456789abcdefghij","Username":"x","ConfirmationCode":"123456","Password":"N3w-Passw0rd"}""",
            sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task ConfirmForgotPassword_FiftyParallelWithOneCode_ExactlyOneSucceeds()
    {
        var (setup, code) = await ResetRequestedAsync("kit");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => setup.ConfirmForgotPasswordAsync("kit", code, NewPassword + i.ToString("D2", null))));

        var winner = Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Contains(r.ErrorType, LosingRaceErrors));
        var stored = await TestStore.UserAsync(factory, setup.PoolId, "kit");
        var index = responses.ToList().IndexOf(winner);
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(setup.PoolId), "kit",
            NewPassword + index.ToString("D2", null), stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
    }

    private async Task<(SelfServiceSetup Setup, string Code)> ResetRequestedAsync(string username)
    {
        var setup = await SelfServiceSetup.CreateAsync(_api);
        var email = SelfServiceSetup.NewEmail();
        await setup.ConfirmedUserAsync(factory, username, email);
        Assert.Null((await setup.ForgotPasswordAsync(username)).ErrorType);
        return (setup, await SelfServiceSetup.LastCodeAsync(factory, email));
    }

    private async Task<string> LastCodeAsync(SelfServiceSetup setup)
    {
        var messages = await TestStore.OutboxOfPoolAsync(factory, setup.PoolId);
        return await SelfServiceSetup.LastCodeAsync(factory, messages[^1].Destination);
    }

    private async Task SetLockoutAsync(string poolId, string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var user = await db.Users.SingleAsync(u => u.PoolId == poolId && u.Username == username,
            TestContext.Current.CancellationToken);
        user.FailedSignIns = 4;
        user.LockedUntil = factory.Clock.GetUtcNow().AddMinutes(5);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
