using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.IdentityPools;

/// <summary>
/// Every built cognito-identity operation gets malformed JSON, values of the wrong type, oversized and invalid values,
/// and missing required members, aimed at a pool and an identity that exist. Each must answer the right AWS error,
/// never a 500, and leave the identity-pool tables as they were.
/// </summary>
public sealed class IdentityPoolHostileInputTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task EveryBuiltIdentityPoolOperation_HostileInput_RightErrorAndNoStoredChange()
    {
        var catalog = factory.Services.GetRequiredService<AwsOperationCatalog>();
        var model = catalog.Models[AwsOperationInventory.IdentityPoolsPrefix];
        var targets = await SeedAsync();
        var failures = new List<string>();
        var operations = catalog.Inventory.Entries.Values
            .Where(e => e.Prefix == AwsOperationInventory.IdentityPoolsPrefix && catalog.Built.ContainsKey(e.Target))
            .ToList();
        foreach (var entry in operations)
        {
            foreach (var (label, body, expected) in Cases(model, model.InputOf(entry.Name), targets))
            {
                var before = await IdentityPoolBuilder.FingerprintAsync(factory);
                var response = await _client.SendAsync(entry.Name, body, sign: entry.Signed);
                if (response.Status == HttpStatusCode.InternalServerError || response.ErrorType != expected)
                {
                    failures.Add($"{entry.Name} {label}: {(int)response.Status} {response.ErrorType} (expected {expected})");
                }

                if (before != await IdentityPoolBuilder.FingerprintAsync(factory))
                {
                    failures.Add($"{entry.Name} {label}: the store changed");
                }
            }
        }

        Assert.NotEmpty(operations);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Label, string Body, string Expected)> Cases(
        ApiModel model, ModelShape? input, Dictionary<string, string> targets)
    {
        yield return ("malformed JSON", "{\"IdentityPoolId\": ", "SerializationException");
        yield return ("array body", "[1,2,3]", "SerializationException");
        if (input is null)
        {
            yield break;
        }

        if (input.Members.Any(m => m.Required))
        {
            yield return ("empty body", "{}", "InvalidParameterException");
        }

        var valid = Baseline(model, input, targets);
        foreach (var member in input.Members)
        {
            var shape = model[member.Target];
            var wrong = valid.DeepClone().AsObject();
            wrong[member.Name] = shape.Type is "string" or "enum" or "blob" ? JsonValue.Create(12345) : JsonValue.Create("text");
            yield return ($"{member.Name} of the wrong type", wrong.ToJsonString(), "SerializationException");

            if (shape.Type is "string" && shape.MaxLength is { } max && max < 100_000)
            {
                var oversized = valid.DeepClone().AsObject();
                oversized[member.Name] = new string('a', (int)max + 1);
                yield return ($"{member.Name} oversized", oversized.ToJsonString(), "InvalidParameterException");
            }

            if (shape.Type is "enum")
            {
                var unknown = valid.DeepClone().AsObject();
                unknown[member.Name] = "NOT_A_VALUE";
                yield return ($"{member.Name} outside its enum", unknown.ToJsonString(), "InvalidParameterException");
            }

            if (shape.Type is "integer" && shape.Max is { } top && top < int.MaxValue)
            {
                var big = valid.DeepClone().AsObject();
                big[member.Name] = JsonValue.Create((long)top + 1);
                yield return ($"{member.Name} above its range", big.ToJsonString(), "InvalidParameterException");
            }
        }
    }

    /// <summary>A body whose identifying members name things that exist, so a skipped check would change them.</summary>
    private static JsonObject Baseline(ApiModel model, ModelShape input, Dictionary<string, string> targets)
    {
        var body = new JsonObject();
        foreach (var member in input.Members.Where(m => m.Required))
        {
            var shape = model[member.Target];
            body[member.Name] = targets.TryGetValue(member.Name, out var value) ? value : shape.Type switch
            {
                "string" => "x",
                "enum" => shape.Enum?.First(),
                "integer" or "long" => 1,
                "boolean" => true,
                "list" => new JsonArray(),
                "map" or "structure" => new JsonObject(),
                _ => null,
            };
        }

        return body;
    }

    private async Task<Dictionary<string, string>> SeedAsync()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["DeveloperProviderName"] = "hostile.example" });
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, ("hostile.example", "victim"));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["IdentityPoolId"] = poolId,
            ["IdentityId"] = identity.Id,
            ["ResourceArn"] = $"arn:aws:cognito-identity:us-east-1:000000000000:identitypool/{poolId}",
            ["DeveloperProviderName"] = "hostile.example",
            ["DeveloperUserIdentifier"] = "victim",
        };
    }
}
