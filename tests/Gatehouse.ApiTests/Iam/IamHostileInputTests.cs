using System.Globalization;
using System.Net;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;
using static Gatehouse.ApiTests.Iam.IamTestData;

namespace Gatehouse.ApiTests.Iam;

/// <summary>
/// Every built IAM operation gets missing required members, oversized strings, values outside their enum or
/// range and values of the wrong type, each on top of a request that names a role, policy, inline policy and OIDC
/// provider that exist. Each must answer ValidationError (400), never a 500, and leave the IAM tables as they were.
/// </summary>
public sealed class IamHostileInputTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsQueryClient _client = factory.CreateQueryClient();

    [Trait("SecurityRowPart", "82")]
    [Fact]
    public async Task EveryBuiltIamOperation_HostileInput_ValidationErrorAndNoStoredChange()
    {
        var catalog = factory.Services.GetRequiredService<AwsOperationCatalog>();
        var model = catalog.Models[AwsOperationInventory.IamPrefix];
        var targets = await SeedAsync();
        var operations = catalog.Inventory.Entries.Values
            .Where(e => e.Prefix == AwsOperationInventory.IamPrefix && catalog.Built.ContainsKey(e.Target)).ToList();
        Assert.Equal(22, operations.Count);
        var failures = new List<string>();
        foreach (var entry in operations)
        {
            foreach (var (label, parameters) in Cases(model, model.InputOf(entry.Name), targets))
            {
                var before = await IamStore.FingerprintAsync(factory);
                var response = await _client.IamAsync(entry.Name, parameters);
                if (response.Status != HttpStatusCode.BadRequest || response.ErrorCode != "ValidationError")
                {
                    failures.Add($"{entry.Name} {label}: {(int)response.Status} {response.ErrorCode} (expected ValidationError)");
                }

                if (before != await IamStore.FingerprintAsync(factory))
                {
                    failures.Add($"{entry.Name} {label}: the store changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Label, (string, string)[] Parameters)> Cases(
        ApiModel model, ModelShape? input, Dictionary<string, string> targets)
    {
        if (input is null)
        {
            yield break;
        }

        var valid = input.Members.Where(m => m.Required)
            .ToDictionary(m => m.Name, m => targets.TryGetValue(m.Name, out var v) ? v : "x", StringComparer.Ordinal);
        if (valid.Count > 0)
        {
            yield return ("no parameters", []);
        }

        foreach (var member in input.Members)
        {
            var shape = model[member.Target];
            if (shape.Type is "string" && shape.MaxLength is { } max && max < 100_000)
            {
                yield return ($"{member.Name} oversized", With(valid, member.Name, new string('a', (int)max + 1)));
            }

            if (shape.Type is "enum")
            {
                yield return ($"{member.Name} outside its enum", With(valid, member.Name, "NOT_A_VALUE"));
            }

            if (shape.Type is "integer")
            {
                yield return ($"{member.Name} not a number", With(valid, member.Name, "many"));
                if (shape.Max is { } top)
                {
                    var above = ((long)top + 1).ToString(CultureInfo.InvariantCulture);
                    yield return ($"{member.Name} above its range", With(valid, member.Name, above));
                }
            }

            if (shape.Type is "boolean")
            {
                yield return ($"{member.Name} not a boolean", With(valid, member.Name, "maybe"));
            }
        }
    }

    private static (string, string)[] With(Dictionary<string, string> valid, string name, string value)
    {
        var parameters = new Dictionary<string, string>(valid, StringComparer.Ordinal) { [name] = value };
        return parameters.Select(p => (p.Key, p.Value)).ToArray();
    }

    private async Task<Dictionary<string, string>> SeedAsync()
    {
        var role = Name("Victim");
        var policy = Name("VictimPolicy");
        var host = Name("victim") + ".example.com";
        await CreateRoleAsync(_client, role);
        await CreatePolicyAsync(_client, policy);
        await _client.IamAsync("PutRolePolicy", ("RoleName", role), ("PolicyName", "inline"), ("PolicyDocument", IdentityPolicy));
        await _client.IamAsync("AttachRolePolicy", ("RoleName", role), ("PolicyArn", PolicyArn("/", policy)));
        await _client.IamAsync("CreateOpenIDConnectProvider", ("Url", $"https://{host}"), ("ClientIDList.member.1", "c"));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RoleName"] = role,
            ["PolicyName"] = "inline",
            ["PolicyArn"] = PolicyArn("/", policy),
            ["AssumeRolePolicyDocument"] = TrustPolicy,
            ["PolicyDocument"] = IdentityPolicy,
            ["VersionId"] = "v1",
            ["Url"] = $"https://{host}",
            ["OpenIDConnectProviderArn"] = $"arn:aws:iam::{Account}:oidc-provider/{host}",
        };
    }
}
