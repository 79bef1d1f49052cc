using System.Globalization;
using System.Net;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.AwsProtocol;

/// <summary>
/// Every built STS operation gets missing required parameters, values that do not parse as their type, oversized
/// and out-of-range values, unknown enum values and list indexes that do not start at 1, aimed at a role and a
/// policy that exist. Each must answer a Query error (ValidationError or the service's own code), never a 500, and
/// leave the store exactly as it was (IAM's operations have <c>Iam/IamHostileInputTests</c>). The Query front end's
/// own refusals are covered too: no Action, an unknown Action, an unknown Version, a body over the limit.
/// </summary>
public sealed class QueryHostileInputTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}""";
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    [Trait("SecurityRowPart", "82")]
    [Fact]
    public async Task EveryBuiltStsOperation_HostileInput_QueryErrorAndNoStoredChange()
    {
        var catalog = factory.Services.GetRequiredService<AwsOperationCatalog>();
        var targets = await SeedAsync();
        var failures = new List<string>();
        foreach (var entry in catalog.Inventory.Entries.Values
                     .Where(e => catalog.Built.ContainsKey(e.Target) && e.Prefix == AwsOperationInventory.StsPrefix))
        {
            var model = catalog.Models[entry.Prefix];
            foreach (var (label, parameters) in Cases(model, model.InputOf(entry.Name), targets))
            {
                var before = await StoreFingerprint.TakeAsync(factory.Services, TestContext.Current.CancellationToken);
                var response = await _client.SendAsync("sts", AwsQueryClient.StsVersion, entry.Name, parameters, sign: entry.Signed);
                var after = await StoreFingerprint.TakeAsync(factory.Services, TestContext.Current.CancellationToken);
                if ((int)response.Status is < 400 or >= 500 || response.ErrorCode is null)
                {
                    failures.Add($"{entry.Name} {label}: {(int)response.Status} {response.ErrorCode ?? response.Text}");
                }

                if (before != after)
                {
                    failures.Add($"{entry.Name} {label}: the store changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("", "2010-05-08", "MissingAction")]
    [InlineData("NoSuchAction", "2010-05-08", "InvalidAction")]
    [InlineData("CreateRole", "1999-01-01", "InvalidAction")]
    [InlineData("AssumeRoleWithWebIdentity", "2010-05-08", "InvalidAction")]
    public async Task Query_BadActionOrVersion_FrontEndError(string action, string version, string code)
    {
        var response = await _client.SendAsync("iam", version, action, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal("Sender", response.Value("Type"));
    }

    [Trait("SecurityRowPart", "83")]
    [Fact]
    public async Task Query_BodyOverTheLimit_RequestEntityTooLarge()
    {
        var response = await _client.IamAsync("CreateRole", ("RoleName", "big"), ("Description", new string('a', 2_000_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("RequestEntityTooLargeException", response.ErrorCode);
    }

    private static IEnumerable<(string Label, (string, string)[] Parameters)> Cases(
        ApiModel model, ModelShape? input, Dictionary<string, string> targets)
    {
        if (input is null)
        {
            yield break;
        }

        var valid = input.Members.Where(m => m.Required)
            .Select(m => (m.Name, targets.TryGetValue(m.Name, out var v) ? v : Placeholder(model[m.Target])))
            .ToArray();
        if (valid.Length > 0)
        {
            yield return ("no parameters", []);
        }

        foreach (var member in input.Members)
        {
            var shape = model[member.Target];
            var others = valid.Where(p => p.Name != member.Name).ToArray();
            if (shape.Type is "integer" or "long" or "boolean")
            {
                yield return ($"{member.Name} not a {shape.Type}", [.. others, (member.Name, "twelve")]);
            }

            if (shape.Type is "string" && shape.MaxLength is { } max && max < 100_000)
            {
                yield return ($"{member.Name} oversized", [.. others, (member.Name, new string('a', (int)max + 1))]);
            }

            if (shape.Type is "integer" && shape.Max is { } top && top < int.MaxValue)
            {
                yield return ($"{member.Name} above its range", [.. others, (member.Name, ((long)top + 1).ToString(CultureInfo.InvariantCulture))]);
            }

            if (shape.Type is "enum")
            {
                yield return ($"{member.Name} outside its enum", [.. others, (member.Name, "NOT_A_VALUE")]);
            }

            if (shape.Type is "list" && model[shape.ListMember!].Type is "string")
            {
                // Index 0 and gaps are not list members: the list reads as given, never as a crash.
                yield return ($"{member.Name} from index 0", [.. others, ($"{member.Name}.member.0", "x"), ($"{member.Name}.member.2", "y")]);
            }
        }
    }

    private static string Placeholder(ModelShape shape) => shape.Type switch
    {
        "integer" or "long" => "1",
        "boolean" => "true",
        "enum" => shape.Enum?.First() ?? "x",
        _ => "x",
    };

    private async Task<Dictionary<string, string>> SeedAsync()
    {
        var role = await _client.IamAsync("CreateRole", ("RoleName", "hostile"), ("AssumeRolePolicyDocument", Trust));
        var policy = await _client.IamAsync("CreatePolicy", ("PolicyName", "hostile"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RoleName"] = "hostile",
            ["RoleArn"] = role.Value("Arn") ?? throw new InvalidOperationException(role.Text),
            ["PolicyArn"] = policy.Value("Arn") ?? throw new InvalidOperationException(policy.Text),
            ["PolicyName"] = "hostile",
        };
    }
}
