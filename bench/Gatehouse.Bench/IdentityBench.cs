using System.Buffers.Text;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Gatehouse.Bench;

/// <summary>
/// The identity-pool scenarios: GetId and GetCredentialsForIdentity, as Amplify calls them after a user-pool
/// sign-in. Setup goes through the public APIs only: a user pool and an app client allowing
/// ADMIN_USER_PASSWORD_AUTH, users <c>identity{i}</c> with a permanent password, an identity pool trusting that
/// client (provider name: the ID token's <c>iss</c> without its scheme, which is what a client puts in Logins), and
/// two IAM roles with Cognito's trust policy (the console's default: audience the pool, amr authenticated or
/// unauthenticated) set as the pool's roles. Each scenario is probed with one request first; one the server refuses
/// gets a "not supported" row with its error instead of a rate.
/// </summary>
internal sealed class IdentityBench(SignedClient client, int? serverPid, int concurrency, TimeSpan warmup, TimeSpan duration)
{
    public const string Password = "Bench-Passw0rd!";

    private static readonly AwsJsonService Identity = AwsJsonService.IdentityPools;

    /// <summary>Creates everything the scenarios need; returns "userPoolId clientId identityPoolId providerName".</summary>
    public async Task<string> SetupAsync(int users, CancellationToken ct)
    {
        var pool = Value(await OkAsync(AwsJsonService.UserPools, "CreateUserPool", """{"PoolName":"identity-bench"}""", ct),
            "UserPool", "Id");
        var app = Value(await OkAsync(AwsJsonService.UserPools, "CreateUserPoolClient",
            $$$"""{"UserPoolId":"{{{pool}}}","ClientName":"bench","ExplicitAuthFlows":["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}""",
            ct), "UserPoolClient", "ClientId");
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, ct) =>
        {
            await OkAsync(AwsJsonService.UserPools, "AdminCreateUser",
                $$$"""{"UserPoolId":"{{{pool}}}","Username":"identity{{{i}}}","MessageAction":"SUPPRESS","UserAttributes":[{"Name":"email","Value":"identity{{{i}}}@bench.example"},{"Name":"email_verified","Value":"true"}]}""",
                ct);
            await OkAsync(AwsJsonService.UserPools, "AdminSetUserPassword",
                $$$"""{"UserPoolId":"{{{pool}}}","Username":"identity{{{i}}}","Password":"{{{Password}}}","Permanent":true}""", ct);
        });
        var provider = ProviderName(await IdTokenAsync(pool, app, 0, ct));
        var identityPool = Value(await OkAsync(Identity, "CreateIdentityPool",
            $$$"""{"IdentityPoolName":"identity_bench","AllowUnauthenticatedIdentities":true,"CognitoIdentityProviders":[{"ProviderName":"{{{provider}}}","ClientId":"{{{app}}}"}]}""",
            ct), "IdentityPoolId");
        await SetRolesAsync(identityPool, ct);
        return $"{pool} {app} {identityPool} {provider}";
    }

    /// <summary>Runs the scenarios against an identity pool made by <see cref="SetupAsync"/>; prints one row each.</summary>
    public async Task RunAsync(string pool, string app, string identityPool, string provider, int users, string storeLabel,
        IReadOnlyCollection<string> only, CancellationToken ct)
    {
        // Fresh ID tokens (they live an hour) and, unmeasured, each user's identity: the first GetId of a login
        // creates it, so the measured GetId calls are all of logins the pool already knows. Guest identities too.
        var tokens = new string[users];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, ct) => tokens[i] = await IdTokenAsync(pool, app, i, ct));
        string Logins(long n) => $$$"""{"{{{provider}}}":"{{{tokens[n % users]}}}"}""";
        var identities = new string?[users];
        var guests = new string?[users];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, ct) =>
        {
            identities[i] = IdentityId(await GetIdAsync(identityPool, Logins(i), ct));
            guests[i] = IdentityId(await GetIdAsync(identityPool, null, ct));
        });
        var scenarios = new (string Name, string Title, Func<long, Task<(int, string)>> Call)[]
        {
            ("get-id", "GetId (known login)", n => GetIdAsync(identityPool, Logins(n), ct)),
            ("credentials", "GetCredentialsForIdentity (authenticated)",
                n => CredentialsAsync($$$"""{"IdentityId":"{{{identities[n % users]}}}","Logins":{{{Logins(n)}}}}""", ct)),
            ("guest-get-id", "GetId (guest: a new identity each call)", _ => GetIdAsync(identityPool, null, ct)),
            ("guest-credentials", "GetCredentialsForIdentity (guest)",
                n => CredentialsAsync($$$"""{"IdentityId":"{{{guests[n % users]}}}"}""", ct)),
        };
        foreach (var (name, title, call) in scenarios.Where(s => only.Count == 0 || only.Contains(s.Name)))
        {
            var rowName = $"{title} | {storeLabel}";
            var (status, body) = await call(0);
            if (status != 200)
            {
                Console.WriteLine($"| {rowName} | {concurrency} | not supported: HTTP {status} {Short(body)} | | | | | |");
                continue;
            }

            var r = await new LoadRun(concurrency, call, serverPid).MeasureAsync(warmup, duration);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rowName} | {concurrency} | {r.Requests} | {r.PerSecond:F0} | {Cpu(r.ServerCores)} | {r.PerCore:F0} | {r.P50:F2} | {r.P99:F2} |"));
        }
    }

    /// <summary>
    /// Two roles trusting this pool only, as the Cognito console writes them (Amazon Cognito Developer Guide,
    /// "IAM roles", role trust): federated principal cognito-identity.amazonaws.com, AssumeRoleWithWebIdentity,
    /// aud = the pool id and amr containing authenticated or unauthenticated.
    /// </summary>
    private async Task SetRolesAsync(string identityPool, CancellationToken ct)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in new[] { "authenticated", "unauthenticated" })
        {
            var trust = $$$$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"{{{{identityPool}}}}"},"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"{{{{kind}}}}"}}}]}""";
            var (status, body) = await client.CallQueryAsync("iam",
            [
                new("Action", "CreateRole"), new("Version", "2010-05-08"),
                new("RoleName", $"bench-{run}-{kind}"), new("AssumeRolePolicyDocument", trust),
            ], ct);
            if (status != 200)
            {
                // Without roles GetId still works; the credential scenarios then report the server's refusal.
                await Console.Error.WriteLineAsync($"CreateRole: HTTP {status} {Short(body)}; the identity pool has no roles.");
                return;
            }

            roles[kind] = XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Arn")?.Value
                ?? throw new InvalidOperationException($"CreateRole returned no Arn: {body}");
        }

        await OkAsync(Identity, "SetIdentityPoolRoles",
            $$$"""{"IdentityPoolId":"{{{identityPool}}}","Roles":{"authenticated":"{{{roles["authenticated"]}}}","unauthenticated":"{{{roles["unauthenticated"]}}}"}}""",
            ct);
    }

    private async Task<string> IdTokenAsync(string pool, string app, int i, CancellationToken ct)
    {
        var body = await OkAsync(AwsJsonService.UserPools, "AdminInitiateAuth",
            $$$"""{"UserPoolId":"{{{pool}}}","ClientId":"{{{app}}}","AuthFlow":"ADMIN_USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"identity{{{i}}}","PASSWORD":"{{{Password}}}"}}""",
            ct);
        return Value(body, "AuthenticationResult", "IdToken");
    }

    private async Task<(int Status, string Body)> GetIdAsync(string identityPool, string? logins, CancellationToken ct)
    {
        var request = logins is null
            ? $$$"""{"IdentityPoolId":"{{{identityPool}}}"}"""
            : $$$"""{"IdentityPoolId":"{{{identityPool}}}","Logins":{{{logins}}}}""";
        var (status, body) = await client.CallUnsignedAsync(Identity, "GetId", request, ct);
        // A 200 without an identity id would not be an answer.
        return body.Contains("\"IdentityId\"", StringComparison.Ordinal) ? (status, body) : (status == 200 ? 0 : status, body);
    }

    private async Task<(int Status, string Body)> CredentialsAsync(string request, CancellationToken ct)
    {
        var (status, body) = await client.CallUnsignedAsync(Identity, "GetCredentialsForIdentity", request, ct);
        return body.Contains("\"SecretKey\"", StringComparison.Ordinal) ? (status, body) : (status == 200 ? 0 : status, body);
    }

    private static string? IdentityId((int Status, string Body) answer) =>
        answer.Status == 200 ? JsonNode.Parse(answer.Body)?["IdentityId"]?.GetValue<string>() : null;

    /// <summary>The Logins key of a user pool: its issuer (the ID token's <c>iss</c>) without the scheme.</summary>
    private static string ProviderName(string idToken)
    {
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(idToken.Split('.')[1]));
        var issuer = payload?["iss"]?.GetValue<string>() ?? throw new InvalidOperationException("ID token without iss.");
        var scheme = issuer.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? issuer : issuer[(scheme + 3)..];
    }

    private async Task<string> OkAsync(AwsJsonService service, string operation, string body, CancellationToken ct)
    {
        var (status, answer) = await client.CallAsync(service, operation, body, ct);
        return status == 200 ? answer : throw new InvalidOperationException($"{operation}: HTTP {status} {answer}");
    }

    private static string Value(string body, params string[] path) =>
        path.Aggregate(JsonNode.Parse(body), (node, name) => node?[name])?.GetValue<string>()
        ?? throw new InvalidOperationException(body);

    private static string Cpu(double? cores) =>
        cores is { } c ? string.Create(CultureInfo.InvariantCulture, $"{100 * c:F0} %") : "n/a";

    private static string Short(string body) =>
        body.Replace('|', '/').ReplaceLineEndings(" ") is var s && s.Length > 120 ? s[..120] : s;
}
