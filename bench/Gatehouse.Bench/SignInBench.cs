using System.Text.Json.Nodes;

namespace Gatehouse.Bench;

/// <summary>
/// The sign-in scenarios of issue 3, run the same way against Gatehouse and cognito-local through their public
/// APIs: a pool, a public app client allowing USER_PASSWORD_AUTH, USER_SRP_AUTH and REFRESH_TOKEN_AUTH, and
/// users <c>signin{i}</c> with a permanent password. Each scenario is probed with one request first; a server that
/// refuses it gets a "not supported" row with its error instead of a rate.
/// </summary>
internal sealed class SignInBench(SignedClient client, string label, int? serverPid, int concurrency, TimeSpan warmup, TimeSpan duration)
{
    public const string Password = "Bench-Passw0rd!";

    /// <summary>Creates pool, client and <paramref name="users"/> users; returns "poolId clientId".</summary>
    public async Task<string> SetupAsync(int users)
    {
        var pool = Value(await Ok("CreateUserPool", """{"PoolName":"signin-bench"}"""), "UserPool", "Id");
        var app = Value(await Ok("CreateUserPoolClient",
            $$$"""{"UserPoolId":"{{{pool}}}","ClientName":"bench","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}"""),
            "UserPoolClient", "ClientId");
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            await Ok("AdminCreateUser",
                $$$"""{"UserPoolId":"{{{pool}}}","Username":"signin{{{i}}}","MessageAction":"SUPPRESS","UserAttributes":[{"Name":"email","Value":"signin{{{i}}}@bench.example"},{"Name":"email_verified","Value":"true"}]}""");
            await Ok("AdminSetUserPassword",
                $$$"""{"UserPoolId":"{{{pool}}}","Username":"signin{{{i}}}","Password":"{{{Password}}}","Permanent":true}""");
        });
        return $"{pool} {app}";
    }

    /// <summary>Runs the five scenarios and prints one table row each.</summary>
    public async Task RunAsync(string pool, string app, int users, string storeLabel, IReadOnlyCollection<string> only)
    {
        // Tokens for the refresh and GetUser scenarios, from one (unmeasured) sign-in per user.
        var tokens = new (string Access, string Refresh)[users];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var (status, body) = await PasswordAuthAsync(app, i);
            var result = status == 200 ? JsonNode.Parse(body)?["AuthenticationResult"] : null;
            tokens[i] = (result?["AccessToken"]?.GetValue<string>() ?? throw new InvalidOperationException(body),
                result["RefreshToken"]?.GetValue<string>() ?? throw new InvalidOperationException(body));
        });
        var scenarios = new (string Name, string Title, Func<long, Task<(int, string)>> Call)[]
        {
            ("user-password-auth", "USER_PASSWORD_AUTH", n => PasswordAuthAsync(app, (int)(n % users))),
            ("srp", "SRP sign-in (InitiateAuth + PASSWORD_VERIFIER)", n => SrpSignInAsync(pool, app, (int)(n % users))),
            ("refresh", "REFRESH_TOKEN_AUTH", n => client.CallUnsignedAsync("InitiateAuth",
                $$$"""{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"{{{app}}}","AuthParameters":{"REFRESH_TOKEN":"{{{tokens[n % users].Refresh}}}"}}""",
                CancellationToken.None)),
            ("get-user", "GetUser", n => client.CallUnsignedAsync("GetUser",
                $$$"""{"AccessToken":"{{{tokens[n % users].Access}}}"}""", CancellationToken.None)),
            ("jwks", "JWKS", _ => client.GetAsync($"/{pool}/.well-known/jwks.json", CancellationToken.None)),
        };
        foreach (var (name, title, call) in scenarios.Where(s => only.Count == 0 || only.Contains(s.Name)))
        {
            var rowName = $"{title} | {label} | {storeLabel}";
            var (status, body) = await call(0);
            if (status != 200)
            {
                Console.WriteLine($"| {rowName} | {concurrency} | not supported: HTTP {status} {Short(body)} | | | | |");
                continue;
            }

            Console.WriteLine(await new LoadRun(concurrency, call, serverPid).RunAsync(rowName, warmup, duration));
        }
    }

    private Task<(int Status, string Body)> PasswordAuthAsync(string app, int i) => client.CallUnsignedAsync("InitiateAuth",
        $$$"""{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"{{{app}}}","AuthParameters":{"USERNAME":"signin{{{i}}}","PASSWORD":"{{{Password}}}"}}""",
        CancellationToken.None);

    /// <summary>One complete SRP sign-in: both requests and the client's math in between.</summary>
    private async Task<(int Status, string Body)> SrpSignInAsync(string pool, string app, int i)
    {
        var srp = new SrpClient();
        var (status, body) = await client.CallUnsignedAsync("InitiateAuth",
            $$$"""{"AuthFlow":"USER_SRP_AUTH","ClientId":"{{{app}}}","AuthParameters":{"USERNAME":"signin{{{i}}}","SRP_A":"{{{srp.SrpA}}}"}}""",
            CancellationToken.None);
        if (status != 200)
        {
            return (status, body);
        }

        var challenge = JsonNode.Parse(body)?["ChallengeParameters"] ?? throw new InvalidOperationException(body);
        string P(string name) => challenge[name]?.GetValue<string>() ?? throw new InvalidOperationException(body);
        var (signature, timestamp) = srp.Answer(pool, P("USER_ID_FOR_SRP"), Password, P("SALT"), P("SRP_B"), P("SECRET_BLOCK"));
        return await client.CallUnsignedAsync("RespondToAuthChallenge",
            $$$"""{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"{{{app}}}","ChallengeResponses":{"USERNAME":"{{{P("USER_ID_FOR_SRP")}}}","PASSWORD_CLAIM_SECRET_BLOCK":"{{{P("SECRET_BLOCK")}}}","PASSWORD_CLAIM_SIGNATURE":"{{{signature}}}","TIMESTAMP":"{{{timestamp}}}"}}""",
            CancellationToken.None);
    }

    private async Task<string> Ok(string operation, string body)
    {
        var (status, answer) = await client.CallAsync(operation, body, CancellationToken.None);
        return status == 200 ? answer : throw new InvalidOperationException($"{operation}: HTTP {status} {answer}");
    }

    private static string Value(string body, string outer, string inner) =>
        JsonNode.Parse(body)?[outer]?[inner]?.GetValue<string>() ?? throw new InvalidOperationException(body);

    private static string Short(string body) => body.Replace('|', '/').ReplaceLineEndings(" ") is var s && s.Length > 120 ? s[..120] : s;
}
