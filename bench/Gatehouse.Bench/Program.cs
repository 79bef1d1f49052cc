using System.Globalization;
using System.Text.Json.Nodes;
using Gatehouse.Bench;

// gatehouse-bench <endpoint> <access key id> <secret> <scenario> [options]
//   scenarios: admin-create-user | admin-get-user | list-users-filter | seed | client-credentials
//              signin-setup (prints "<pool> <client>") | signin (user-password-auth, srp, refresh, get-user, jwks)
//   options:   --pool <id> (else a new pool) --users <n> (users that exist, default 1000) --warmup <s> (default 2)
//              --duration <s> (default 10) --concurrency <n> (default 32)
//              --sqlite <file> | --postgres <conn>   (seed only: bulk insert users for --pool)
//              --client <id>   (seed: also one refresh token per seeded user; signin: the app client)
//              --signin-users <n> (signin-setup/signin: users with a password, default 200)
//              --server-pid <pid> (report the server's CPU use) --label <server> --store <text> --only <a,b>
//   totp-signin [--signin-users <n>] (complete USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA sign-ins, a new pool)
//   identity-setup (prints "<pool> <client> <identity pool> <provider>") [--signin-users <n>]
//   identity --pool <id> --client <id> --identity-pool <id> --provider <name> [--signin-users <n>] [--store <text>]
//              [--only get-id,credentials,guest-get-id,guest-credentials] [--server-pid <pid>]
//   identity-seed --identity-pool <id> --provider <name> --identities <n> (--sqlite <file> | --postgres <conn>)
//   client-credentials: [--token-url <url> --client-id <id> --client-secret <s> --scope <s>] [--server-pid <pid>]
//              [--name <row name>]   (without --token-url: a new Gatehouse pool, resource server, client, domain)
var endpoint = new Uri(args[0]);
var client = new SignedClient(
    new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = endpoint },
    args[1], args[2]);
var scenario = args[3];
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var duration = TimeSpan.FromSeconds(double.Parse(Option("--duration") ?? "10", CultureInfo.InvariantCulture));
var concurrency = int.Parse(Option("--concurrency") ?? "32", CultureInfo.InvariantCulture);
var userCount = int.Parse(Option("--users") ?? "1000", CultureInfo.InvariantCulture);
var warmup = TimeSpan.FromSeconds(double.Parse(Option("--warmup") ?? "2", CultureInfo.InvariantCulture));
var signInUsers = int.Parse(Option("--signin-users") ?? "200", CultureInfo.InvariantCulture);
int? serverPid = Option("--server-pid") is { } pidText ? int.Parse(pidText, CultureInfo.InvariantCulture) : null;

async Task<string> NewPoolAsync()
{
    var (status, body) = await client.CallAsync("CreateUserPool", """{"PoolName":"bench"}""", CancellationToken.None);
    return status == 200
        ? JsonNode.Parse(body)?["UserPool"]?["Id"]?.GetValue<string>() ?? throw new InvalidOperationException(body)
        : throw new InvalidOperationException(body);
}

if (scenario == "client-credentials")
{
    Console.WriteLine(await ClientCredentialsBench.RunAsync(client, endpoint, Option, concurrency, warmup, duration));
    return;
}

var signIn = new SignInBench(client, Option("--label") ?? endpoint.Authority, serverPid, concurrency, warmup, duration);
if (scenario == "totp-signin")
{
    await new TotpSignInBench(client, serverPid, concurrency, warmup, duration).RunAsync(signInUsers);
    return;
}

if (scenario == "signin-setup")
{
    Console.WriteLine(await signIn.SetupAsync(signInUsers));
    return;
}

string Required(string name) => Option(name) ?? throw new ArgumentException($"{scenario} needs {name}.");
var identityBench = new IdentityBench(client, serverPid, concurrency, warmup, duration);
switch (scenario)
{
    case "identity-setup":
        Console.WriteLine(await identityBench.SetupAsync(signInUsers, CancellationToken.None));
        return;
    case "identity":
        await identityBench.RunAsync(Required("--pool"), Required("--client"), Required("--identity-pool"),
            Required("--provider"), signInUsers, Option("--store") ?? "", Option("--only")?.Split(',') ?? [],
            CancellationToken.None);
        return;
    case "identity-seed":
        await IdentitySeeder.SeedAsync(Required("--identity-pool"), Required("--provider"),
            int.Parse(Required("--identities"), CultureInfo.InvariantCulture), Option("--sqlite"), Option("--postgres"),
            CancellationToken.None);
        return;
}

var pool = Option("--pool") ?? await NewPoolAsync();
switch (scenario)
{
    case "seed":
        await Seeder.SeedAsync(pool, userCount, Option("--sqlite"), Option("--postgres"), Option("--client"));
        Console.WriteLine(pool);
        break;
    case "signin":
        await signIn.RunAsync(pool, Option("--client") ?? throw new ArgumentException("signin needs --client."),
            signInUsers, Option("--store") ?? "", Option("--only")?.Split(',') ?? []);
        break;
    case "admin-create-user":
        var run = Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine(await new LoadRun(concurrency, n => client.CallAsync("AdminCreateUser",
            $$"""{"UserPoolId":"{{pool}}","Username":"c{{run}}{{n}}","MessageAction":"SUPPRESS","UserAttributes":[{"Name":"email","Value":"c{{run}}{{n}}@bench.example"}]}""",
            CancellationToken.None), serverPid).RunAsync("AdminCreateUser", warmup, duration));
        break;
    case "admin-get-user":
        Console.WriteLine(await new LoadRun(concurrency, n => client.CallAsync("AdminGetUser",
            $$"""{"UserPoolId":"{{pool}}","Username":"user{{n % userCount}}"}""", CancellationToken.None), serverPid)
            .RunAsync($"AdminGetUser ({userCount} users)", warmup, duration));
        break;
    case "list-users-filter":
        Console.WriteLine(await new LoadRun(concurrency, n => client.CallAsync("ListUsers",
            $$"""{"UserPoolId":"{{pool}}","Filter":"email = \"user{{(n * 7919) % userCount}}@bench.example\"","Limit":10}""",
            CancellationToken.None), serverPid).RunAsync($"ListUsers email = ({userCount} users)", warmup, duration));
        Console.WriteLine(await new LoadRun(concurrency, n => client.CallAsync("ListUsers",
            $$"""{"UserPoolId":"{{pool}}","Filter":"email ^= \"user{{(n * 7919) % userCount}}\"","Limit":10}""",
            CancellationToken.None), serverPid).RunAsync($"ListUsers email ^= ({userCount} users)", warmup, duration));
        break;
    default:
        throw new ArgumentException($"Unknown scenario {scenario}.");
}
