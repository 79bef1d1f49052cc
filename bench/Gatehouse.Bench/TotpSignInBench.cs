using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.Server.Mfa;

namespace Gatehouse.Bench;

/// <summary>
/// Complete USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA sign-ins (both requests, and the authenticator's code in
/// between). The server accepts each 30-second step once per user and one step either side of now, so a user can
/// sign in at most three times within a step and then once per step: the run spreads sign-ins over many users
/// (<c>--signin-users</c>), each answering with the next step it has not used yet, and skips users that have used
/// every step the window allows. Setup: a pool with MFA OPTIONAL and TOTP, users <c>totp{i}</c> with an
/// authenticator registered (AssociateSoftwareToken, VerifySoftwareToken) and TOTP preferred.
/// </summary>
internal sealed class TotpSignInBench(SignedClient client, int? serverPid, int concurrency, TimeSpan warmup, TimeSpan duration)
{
    private const string Password = SignInBench.Password;
    private readonly ConcurrentDictionary<int, long> _lastStep = new();
    private long _next;

    public async Task RunAsync(int users)
    {
        var pool = Value(await Ok("CreateUserPool", """{"PoolName":"totp-bench"}"""), "UserPool", "Id");
        await Ok("SetUserPoolMfaConfig",
            $$$"""{"UserPoolId":"{{{pool}}}","MfaConfiguration":"OPTIONAL","SoftwareTokenMfaConfiguration":{"Enabled":true}}""");
        var app = Value(await Ok("CreateUserPoolClient",
            $$$"""{"UserPoolId":"{{{pool}}}","ClientName":"bench","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}"""),
            "UserPoolClient", "ClientId");
        var secrets = new byte[users][];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            secrets[i] = await RegisterAsync(pool, app, i));
        var run = new LoadRun(concurrency, _ => SignInAsync(app, secrets), serverPid);
        Console.WriteLine(await run.RunAsync($"USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA ({users} users)", warmup, duration));
    }

    private async Task<byte[]> RegisterAsync(string pool, string app, int i)
    {
        await Ok("AdminCreateUser",
            $$$"""{"UserPoolId":"{{{pool}}}","Username":"totp{{{i}}}","MessageAction":"SUPPRESS"}""");
        await Ok("AdminSetUserPassword",
            $$$"""{"UserPoolId":"{{{pool}}}","Username":"totp{{{i}}}","Password":"{{{Password}}}","Permanent":true}""");
        var (_, signedIn) = await PasswordAuthAsync(app, i);
        var token = JsonNode.Parse(signedIn)?["AuthenticationResult"]?["AccessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException(signedIn);
        var (_, associated) = await client.CallUnsignedAsync("AssociateSoftwareToken", $$$"""{"AccessToken":"{{{token}}}"}""", CancellationToken.None);
        var secret = TotpCodes.FromBase32(Value(associated, "SecretCode"));
        // The current step: the server accepts it even if the next step begins before the request arrives.
        var step = Step(DateTimeOffset.UtcNow);
        _lastStep[i] = step;
        await Unsigned("VerifySoftwareToken",
            $$$"""{"AccessToken":"{{{token}}}","UserCode":"{{{TotpCodes.Compute(secret, StepTime(step))}}}"}""");
        await Unsigned("SetUserMFAPreference",
            $$$"""{"AccessToken":"{{{token}}}","SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}""");
        return secret;
    }

    /// <summary>One complete sign-in by the next user that still has an unused step in the window.</summary>
    private async Task<(int Status, string Body)> SignInAsync(string app, byte[][] secrets)
    {
        var now = Step(DateTimeOffset.UtcNow);
        for (var tries = 0; tries < secrets.Length; tries++)
        {
            var i = (int)(Interlocked.Increment(ref _next) % secrets.Length);
            var last = _lastStep[i];
            var step = Math.Max(last + 1, now - 1);
            if (step <= now + 1 && _lastStep.TryUpdate(i, step, last))
            {
                return await CompleteAsync(app, i, TotpCodes.Compute(secrets[i], StepTime(step)));
            }
        }

        return (429, "every user has used every step of the window");
    }

    private async Task<(int Status, string Body)> CompleteAsync(string app, int i, string code)
    {
        var (status, body) = await PasswordAuthAsync(app, i);
        if (status != 200)
        {
            return (status, body);
        }

        var session = Value(body, "Session");
        return await client.CallUnsignedAsync("RespondToAuthChallenge",
            $$$"""{"ChallengeName":"SOFTWARE_TOKEN_MFA","ClientId":"{{{app}}}","Session":"{{{session}}}","ChallengeResponses":{"USERNAME":"totp{{{i}}}","SOFTWARE_TOKEN_MFA_CODE":"{{{code}}}"}}""",
            CancellationToken.None);
    }

    private Task<(int Status, string Body)> PasswordAuthAsync(string app, int i) => client.CallUnsignedAsync("InitiateAuth",
        $$$"""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"{{{app}}}","AuthParameters":{"USERNAME":"totp{{{i}}}","PASSWORD":"{{{Password}}}"}}""",
        CancellationToken.None);

    private static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / TotpCodes.StepSeconds;

    private static DateTimeOffset StepTime(long step) => DateTimeOffset.FromUnixTimeSeconds(step * TotpCodes.StepSeconds);

    private async Task<string> Ok(string operation, string body)
    {
        var (status, answer) = await client.CallAsync(operation, body, CancellationToken.None);
        return status == 200 ? answer : throw new InvalidOperationException($"{operation}: HTTP {status} {answer}");
    }

    private async Task Unsigned(string operation, string body)
    {
        var (status, answer) = await client.CallUnsignedAsync(operation, body, CancellationToken.None);
        if (status != 200)
        {
            throw new InvalidOperationException($"{operation}: HTTP {status} {answer}");
        }
    }

    private static string Value(string body, params string[] path) =>
        path.Aggregate(JsonNode.Parse(body), (node, name) => node?[name])?.GetValue<string>()
        ?? throw new InvalidOperationException(body);
}
