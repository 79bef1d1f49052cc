using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Server.UserImport;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.UserImport;

public sealed class UserImportJobTests : IDisposable
{
    private const string RoleArn = "arn:aws:iam::000000000000:role/CognitoImport";
    private static readonly string[] EmailOnly = ["email"];
    private readonly GatehouseFactory _factory = new GatehouseFactory()
        .WithSetting("Gatehouse:UserImport:RunInBackground", "false")
        .WithSetting("Gatehouse:UserImport:BatchSize", "2");

    private readonly AwsApiClient _client;

    public UserImportJobTests() => _client = _factory.CreateAwsClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task GetCSVHeader_DefaultSchema_ListsAttributesThenCognitoColumns()
    {
        var pool = await PoolAsync();

        var response = await _client.CallAsync("GetCSVHeader", new { UserPoolId = pool });

        var header = response["CSVHeader"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal("name", header[0]);
        Assert.Equal(["cognito:mfa_enabled", "cognito:username"], header[^2..]);
        Assert.DoesNotContain("sub", header);
        Assert.Equal(pool, response["UserPoolId"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartUserImportJob_GoodFile_ImportsUsersInResetRequired()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        Assert.Equal("Created", job["Status"]!.GetValue<string>());
        var csv = await CsvAsync(pool, ["alice", "alice@example.com", "true"], ["bob", "bob@example.com", "true"],
            ["carol", "carol@example.com", "true"]);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(job, csv)).StatusCode);

        var started = await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });
        Assert.Equal("Pending", started["UserImportJob"]!["Status"]!.GetValue<string>());
        await RunAsync();

        var done = await DescribeAsync(pool, job);
        Assert.Equal("Succeeded", done["Status"]!.GetValue<string>());
        Assert.Equal(3, done["ImportedUsers"]!.GetValue<long>());
        Assert.Equal("RESET_REQUIRED", (await TestStore.UserAsync(_factory, pool, "bob")).Status);
    }

    [Fact]
    public async Task StartUserImportJob_WrongHeader_JobFailsAndNoUserIsCreated()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        await UploadAsync(job, "cognito:username,email\nalice,alice@example.com\n");
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        await RunAsync();

        var done = await DescribeAsync(pool, job);
        Assert.Equal("Failed", done["Status"]!.GetValue<string>());
        Assert.Contains("header", done["CompletionMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, done["ImportedUsers"]!.GetValue<long>());
    }

    [Fact]
    public async Task StartUserImportJob_BadRows_CountsAndReportsEach()
    {
        var pool = await PoolAsync();
        await TestStore.CreateUserAsync(_factory, pool, "existing", attributes: """{"email":"old@example.com"}""");
        var job = await CreateJobAsync(pool);
        var csv = await CsvAsync(pool,
            ["existing", "new@example.com", "true"], // in the pool: skipped, unchanged
            ["dup", "dup1@example.com", "true"],
            ["dup", "dup2@example.com", "true"], // earlier row: skipped
            ["", "nobody@example.com", "true"], // no username: failed
            ["noverify", "nv@example.com", "false"], // no verified auto-verified attribute: failed
            ["ok", "ok@example.com", "true"]);
        csv += "\"broken,quote\n"; // runs to the end: one row with too few fields, failed
        await UploadAsync(job, csv);
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        await RunAsync();

        var done = await DescribeAsync(pool, job);
        Assert.Equal("Succeeded", done["Status"]!.GetValue<string>());
        Assert.Equal(2, done["ImportedUsers"]!.GetValue<long>());
        Assert.Equal(2, done["SkippedUsers"]!.GetValue<long>());
        Assert.Equal(3, done["FailedUsers"]!.GetValue<long>());
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(_factory, pool, "existing")).Status);
        var report = await ReportAsync(pool, job);
        Assert.Equal([1L, 3, 4, 5, 7], report.Select(r => r!["rowNumber"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Upload_TamperedOrExpiredUrl_Refused403()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        var url = job["PreSignedUrl"]!.GetValue<string>();

        var tampered = await PutAsync(url.Replace(Id(job), "import-AAAAAAAAAA", StringComparison.Ordinal), "x");
        _factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var expired = await PutAsync(url, "x");

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("Request has expired", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverCap_RefusedEntityTooLarge()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        var content = new ByteArrayContent(new byte[16]);
        content.Headers.ContentLength = UserImportLimits.MaxUploadBytes + 1;

        var refused = await _factory.CreateClient().PutAsync(Relative(job["PreSignedUrl"]!.GetValue<string>()), content,
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task StartUserImportJob_Twice_PreconditionNotMet_AndStopPendingStops()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        var noFile = await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });
        await UploadAsync(job, await CsvAsync(pool, ["a", "a@example.com", "true"]));
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        var again = await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });
        var busy = await _client.CallAsync("DeleteUserPool", new { UserPoolId = pool });
        var stopped = await _client.CallAsync("StopUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        Assert.Equal("PreconditionNotMetException", noFile.ErrorType);
        Assert.Equal("PreconditionNotMetException", again.ErrorType);
        Assert.Equal("UserImportInProgressException", busy.ErrorType);
        Assert.Equal("Stopped", stopped["UserImportJob"]!["Status"]!.GetValue<string>());
    }

    [Trait("SecurityRowPart", "92")]
    [Fact]
    public async Task Runner_NodeDiesMidJob_SecondServerResumesWithoutDuplicates()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        var rows = Enumerable.Range(0, 7).Select(i => new[] { $"u{i}", $"u{i}@example.com", "true" }).ToArray();
        await UploadAsync(job, await CsvAsync(pool, rows));
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });
        var first = _factory.Services.GetRequiredService<UserImportRunner>();
        Assert.True(await first.RunOnceAsync(TestContext.Current.CancellationToken, batchLimit: 1));
        Assert.Equal(2, (await DescribeAsync(pool, job))["ImportedUsers"]!.GetValue<long>());

        using var second = _factory.WithWebHostBuilder(b => b.UseSetting("Gatehouse:UserImport:RunInBackground", "false"));
        var secondRunner = second.Services.GetRequiredService<UserImportRunner>();
        Assert.False(await secondRunner.RunOnceAsync(TestContext.Current.CancellationToken)); // lease still held
        _factory.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await secondRunner.RunOnceAsync(TestContext.Current.CancellationToken));

        var done = await DescribeAsync(pool, job);
        Assert.Equal("Succeeded", done["Status"]!.GetValue<string>());
        Assert.Equal(7, done["ImportedUsers"]!.GetValue<long>());
        Assert.Equal(0, done["SkippedUsers"]!.GetValue<long>());
    }

    [Fact]
    public async Task StartUserImportJob_BackslashEscapedComma_IsACommaInTheValue()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        var header = await HeaderAsync(pool);
        // Cognito's escape: a backslash before a comma in a value; a doubled backslash stays one backslash.
        var row = header.Select(c => c switch
        {
            "cognito:username" => "ada",
            "email" => "ada@example.com",
            "email_verified" => "true",
            "cognito:mfa_enabled" => "false",
            "name" => @"Lovelace\, Ada \\o/",
            "family_name" => @"Byron\,",
            _ => "",
        });
        await UploadAsync(job, string.Join(',', header) + "\n" + string.Join(',', row) + "\n");
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        await RunAsync();

        var done = await DescribeAsync(pool, job);
        Assert.Equal(1, done["ImportedUsers"]!.GetValue<long>());
        var user = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "ada" });
        var attributes = user["UserAttributes"]!.AsArray()
            .ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
        Assert.Equal(@"Lovelace, Ada \o/", attributes["name"]);
        Assert.Equal("Byron,", attributes["family_name"]);
    }

    [Fact]
    public async Task StartUserImportJob_VerifiedEmailMissing_RowFailsAndOthersImport()
    {
        var pool = await PoolAsync();
        var job = await CreateJobAsync(pool);
        await UploadAsync(job, await CsvAsync(pool, ["noemail", "", "true"], ["fine", "fine@example.com", "true"]));
        await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

        await RunAsync();

        var done = await DescribeAsync(pool, job);
        Assert.Equal(1, done["ImportedUsers"]!.GetValue<long>());
        Assert.Equal(1, done["FailedUsers"]!.GetValue<long>());
        Assert.Equal([1L], (await ReportAsync(pool, job)).Select(r => r!["rowNumber"]!.GetValue<long>()));
    }

    [Fact]
    public async Task StartUserImportJob_MegabytesOfRandomBytes_NoUserCreatedAndServerStaysUp()
    {
        var pool = await PoolAsync();
        await TestStore.CreateUserAsync(_factory, pool, "keeper", attributes: """{"email":"keep@example.com"}""");
        foreach (var withHeader in new[] { false, true })
        {
            var job = await CreateJobAsync(pool);
            var garbage = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
            var body = withHeader ? [.. Encoding.UTF8.GetBytes(await CsvAsync(pool)), .. garbage] : garbage;
            var content = new ByteArrayContent(body);
            content.Headers.Add("x-amz-server-side-encryption", "aws:kms");
            var put = await _factory.CreateClient().PutAsync(Relative(job["PreSignedUrl"]!.GetValue<string>()), content,
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            await _client.CallAsync("StartUserImportJob", new { UserPoolId = pool, JobId = Id(job) });

            await RunAsync();

            var done = await DescribeAsync(pool, job);
            Assert.Contains(done["Status"]!.GetValue<string>(), (string[])["Failed", "Succeeded"]);
            Assert.Equal(0, done["ImportedUsers"]!.GetValue<long>());
            if (!withHeader)
            {
                Assert.Equal("Failed", done["Status"]!.GetValue<string>());
            }
        }

        var users = await _client.CallAsync("ListUsers", new { UserPoolId = pool });
        Assert.Equal(["keeper"], users["Users"]!.AsArray().Select(u => u!["Username"]!.GetValue<string>()));
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(_factory, pool, "keeper")).Status);
    }

    [Fact]
    public async Task Upload_UrlSignedByAnotherInstance_RefusedSignatureDoesNotMatch()
    {
        var pool = await PoolAsync();
        using var other = _factory.WithWebHostBuilder(b => b
            .UseSetting("Gatehouse:UserImport:RunInBackground", "false")
            .UseSetting("Gatehouse:Storage:MasterKey", Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray())));
        var otherClient = new AwsApiClient(other.CreateClient(), _factory.Clock, GatehouseFactory.AccessKeyId,
            GatehouseFactory.SecretAccessKey);
        var foreign = await otherClient.CallAsync("CreateUserImportJob",
            new { UserPoolId = pool, JobName = "foreign", CloudWatchLogsRoleArn = RoleArn });
        var url = foreign["UserImportJob"]!["PreSignedUrl"]!.GetValue<string>();

        var refused = await PutAsync(url, "x");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>",
            await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private Task<string> PoolAsync() =>
        TestPools.CreateAsync(_factory, p => p with { AutoVerifiedAttributes = EmailOnly });

    private async Task<JsonNode> CreateJobAsync(string pool)
    {
        var response = await _client.CallAsync("CreateUserImportJob",
            new { UserPoolId = pool, JobName = "import-test", CloudWatchLogsRoleArn = RoleArn });
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        return response["UserImportJob"]!;
    }

    private async Task<JsonNode> DescribeAsync(string pool, JsonNode job) =>
        (await _client.CallAsync("DescribeUserImportJob", new { UserPoolId = pool, JobId = Id(job) }))["UserImportJob"]!;

    private async Task<List<string>> HeaderAsync(string pool) =>
        (await _client.CallAsync("GetCSVHeader", new { UserPoolId = pool }))["CSVHeader"]!.AsArray()
            .Select(n => n!.GetValue<string>()).ToList();

    /// <summary>A file with the pool's header; each row gives cognito:username, email, email_verified.</summary>
    private async Task<string> CsvAsync(string pool, params string[][] rows)
    {
        var header = (await _client.CallAsync("GetCSVHeader", new { UserPoolId = pool }))["CSVHeader"]!.AsArray()
            .Select(n => n!.GetValue<string>()).ToList();
        var text = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', header.Select(c => c switch
            {
                "cognito:username" => row[0],
                "email" => row[1],
                "email_verified" => row[2],
                "cognito:mfa_enabled" => "false",
                _ => "",
            }))).Append('\n');
        }

        return text.ToString();
    }

    private Task<HttpResponseMessage> UploadAsync(JsonNode job, string csv) =>
        PutAsync(job["PreSignedUrl"]!.GetValue<string>(), csv);

    private Task<HttpResponseMessage> PutAsync(string url, string body)
    {
        var content = new StringContent(body, Encoding.UTF8, "text/csv");
        content.Headers.Add("x-amz-server-side-encryption", "aws:kms");
        return _factory.CreateClient().PutAsync(Relative(url), content, TestContext.Current.CancellationToken);
    }

    private async Task<JsonArray> ReportAsync(string pool, JsonNode job)
    {
        var http = _factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{GatehouseFactory.AccessKeyId}:{GatehouseFactory.SecretAccessKey}")));
        var text = await http.GetStringAsync($"/console/api/user-import/{pool}/{Id(job)}/errors",
            TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!["rows"]!.AsArray();
    }

    private Task<bool> RunAsync() =>
        _factory.Services.GetRequiredService<UserImportRunner>().RunOnceAsync(TestContext.Current.CancellationToken);

    private static string Relative(string url) => new Uri(url).PathAndQuery;

    private static string Id(JsonNode job) => job["JobId"]!.GetValue<string>();
}
