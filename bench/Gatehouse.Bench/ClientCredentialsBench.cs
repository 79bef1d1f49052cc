using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Bench;

/// <summary>
/// The <c>client-credentials</c> scenario: OAuth 2.0 client_credentials grants (client_secret_basic, one custom
/// scope) against any token endpoint, so Gatehouse and another server are measured by the same client. Without
/// <c>--token-url</c> it first sets up a Gatehouse pool through the admin API: resource server <c>orders</c>
/// with scope <c>read</c>, a confidential app client allowed client_credentials, and a prefix domain.
/// With <c>--server-pid</c> the row also gives the server's CPU use during the measured window (from
/// /proc/&lt;pid&gt;/stat) and the rate per fully used core.
/// </summary>
internal static class ClientCredentialsBench
{
    public static async Task<string> RunAsync(
        SignedClient admin, Uri endpoint, Func<string, string?> option, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var name = option("--name") ?? "client_credentials";
        var tokenUrl = option("--token-url");
        string clientId, clientSecret, scope;
        if (tokenUrl is null)
        {
            (tokenUrl, clientId, clientSecret, scope) = await SetUpGatehouseAsync(admin, endpoint);
        }
        else
        {
            clientId = option("--client-id") ?? throw new ArgumentException("--client-id is required with --token-url.");
            clientSecret = option("--client-secret") ?? throw new ArgumentException("--client-secret is required with --token-url.");
            scope = option("--scope") ?? throw new ArgumentException("--scope is required with --token-url.");
        }

        // The same client settings as the admin scenarios: keep-alive connections, at most 256 per server.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        var form = Encoding.ASCII.GetBytes($"grant_type=client_credentials&scope={Uri.EscapeDataString(scope)}");
        var url = new Uri(tokenUrl);

        async Task<(int Status, string Body)> GrantAsync(long n)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Headers.Authorization = basic;
            request.Content = new ByteArrayContent(form);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var response = await http.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            // A 200 without an access token would not be a grant.
            return body.Contains("\"access_token\"", StringComparison.Ordinal) ? ((int)response.StatusCode, body) : (0, body);
        }

        var run = new LoadRun(concurrency, GrantAsync);
        await run.RunAsync(name, warmup, TimeSpan.Zero);
        var pid = option("--server-pid");
        var cpuBefore = pid is null ? 0 : CpuSeconds(pid);
        var watch = Stopwatch.StartNew();
        var row = await run.RunAsync(name, TimeSpan.Zero, duration);
        var elapsed = watch.Elapsed.TotalSeconds;
        if (pid is null)
        {
            return row;
        }

        var cores = (CpuSeconds(pid) - cpuBefore) / elapsed;
        var rate = double.Parse(row.Split('|')[4], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{row} {cores * 100:F0} % | {rate / cores:F0} |");
    }

    private static async Task<(string TokenUrl, string ClientId, string Secret, string Scope)> SetUpGatehouseAsync(
        SignedClient admin, Uri endpoint)
    {
        var pool = (await CallAsync(admin, "CreateUserPool", """{"PoolName":"bench-oauth"}"""))["UserPool"]?["Id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("CreateUserPool returned no pool id.");
        await CallAsync(admin, "CreateResourceServer",
            $$"""{"UserPoolId":"{{pool}}","Identifier":"orders","Name":"orders","Scopes":[{"ScopeName":"read","ScopeDescription":"read orders"}]}""");
        var client = (await CallAsync(admin, "CreateUserPoolClient",
            $$"""{"UserPoolId":"{{pool}}","ClientName":"bench-m2m","GenerateSecret":true,"AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials"],"AllowedOAuthScopes":["orders/read"]}"""))["UserPoolClient"];
        var domain = "bench-" + Guid.NewGuid().ToString("N")[..10];
        await CallAsync(admin, "CreateUserPoolDomain", $$"""{"UserPoolId":"{{pool}}","Domain":"{{domain}}"}""");
        return (new Uri(endpoint, $"/domains/{domain}/oauth2/token").ToString(),
            client?["ClientId"]?.GetValue<string>() ?? throw new InvalidOperationException("CreateUserPoolClient returned no client id."),
            client["ClientSecret"]?.GetValue<string>() ?? throw new InvalidOperationException("CreateUserPoolClient returned no secret."),
            "orders/read");
    }

    private static async Task<JsonNode> CallAsync(SignedClient admin, string operation, string body)
    {
        var (status, answer) = await admin.CallAsync(operation, body, CancellationToken.None);
        return status == 200
            ? JsonNode.Parse(answer) ?? throw new InvalidOperationException($"{operation}: empty answer.")
            : throw new InvalidOperationException($"{operation}: HTTP {status}: {answer}");
    }

    /// <summary>User plus system CPU time of a process so far (fields 14 and 15 of /proc/&lt;pid&gt;/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(string pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
