using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.AwsProtocol;

/// <summary>
/// Every built AWS JSON operation (user pools and identity pools) gets malformed JSON, values of the wrong type,
/// oversized and invalid values, and missing required members, aimed at a pool, client, user and group that exist.
/// Each must answer the right AWS error, never a 500, and leave the store exactly as it was. The AWS Query services
/// (IAM, STS) have <see cref="QueryHostileInputTests"/>.
/// </summary>
public sealed class HostileInputTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "82")]
    [Fact]
    public async Task EveryBuiltOperation_HostileInput_RightErrorAndNoStoredChange()
    {
        var catalog = factory.Services.GetRequiredService<AwsOperationCatalog>();
        var targets = await SeedAsync();
        var failures = new List<string>();
        foreach (var entry in catalog.Inventory.Entries.Values
                     .Where(e => catalog.Built.ContainsKey(e.Target) && !AwsOperationCatalog.IsQuery(e.Prefix)))
        {
            var model = catalog.Models[entry.Prefix];
            var client = entry.Prefix == AwsOperationInventory.IdentityPoolsPrefix ? _client.ForIdentityPools() : _client;
            var input = model.InputOf(entry.Name);
            foreach (var (label, body, expected) in Cases(model, input, targets))
            {
                var before = await StoreFingerprint.TakeAsync(factory.Services, TestContext.Current.CancellationToken);
                var response = await client.SendAsync(entry.Name, body, sign: entry.Signed);
                var after = await StoreFingerprint.TakeAsync(factory.Services, TestContext.Current.CancellationToken);
                if (response.Status == HttpStatusCode.InternalServerError || response.ErrorType != expected)
                {
                    failures.Add($"{entry.Name} {label}: {(int)response.Status} {response.ErrorType} (expected {expected})");
                }

                if (before != after)
                {
                    failures.Add($"{entry.Name} {label}: the store changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Label, string Body, string Expected)> Cases(
        ApiModel model, ModelShape? input, Dictionary<string, string> targets)
    {
        yield return ("malformed JSON", "{\"UserPoolId\": ", "SerializationException");
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
            // A Smithy document (CompleteWebAuthnRegistration's Credential) takes any JSON value, so it has no wrong type.
            if (shape.Type is not "document")
            {
                var wrong = valid.DeepClone().AsObject();
                wrong[member.Name] = shape.Type is "string" or "enum" or "blob" ? JsonValue.Create(12345) : JsonValue.Create("text");
                yield return ($"{member.Name} of the wrong type", wrong.ToJsonString(), "SerializationException");
            }

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
        var pool = await _client.CallAsync("CreateUserPool", new { PoolName = "hostile" });
        var poolId = pool["UserPool"]?["Id"]?.GetValue<string>() ?? throw new InvalidOperationException(pool.Text);
        var client = await _client.CallAsync("CreateUserPoolClient", new { UserPoolId = poolId, ClientName = "c" });
        var clientId = client["UserPoolClient"]?["ClientId"]?.GetValue<string>() ?? throw new InvalidOperationException(client.Text);
        await _client.CallAsync("AdminCreateUser", new { UserPoolId = poolId, Username = "victim", MessageAction = "SUPPRESS" });
        await _client.CallAsync("CreateGroup", new { UserPoolId = poolId, GroupName = "group" });
        var identityPool = await _client.ForIdentityPools().CallAsync("CreateIdentityPool", new
        {
            IdentityPoolName = "hostile",
            AllowUnauthenticatedIdentities = true,
        });
        var identityPoolId = identityPool["IdentityPoolId"]?.GetValue<string>()
            ?? throw new InvalidOperationException(identityPool.Text);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["IdentityPoolId"] = identityPoolId,
            ["UserPoolId"] = poolId,
            ["ClientId"] = clientId,
            ["Username"] = "victim",
            ["GroupName"] = "group",
        };
    }
}
