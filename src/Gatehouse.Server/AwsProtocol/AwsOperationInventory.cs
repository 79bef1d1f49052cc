using System.Collections.Frozen;
using System.Reflection;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Every operation of the AWS services Gatehouse speaks, from the inventory shipped with the model
/// (<c>AwsProtocol/Model/*-ops.tsv</c>, a copy of <c>shared/api</c>): whether the SDK signs it, and its
/// category. Operations not built answer <see cref="AwsError.UnsupportedOperation"/>, never a 500.
/// </summary>
internal sealed class AwsOperationInventory
{
    public const string UserPoolsPrefix = "AWSCognitoIdentityProviderService";
    public const string IdentityPoolsPrefix = "AWSCognitoIdentityService";

    // IAM and STS speak AWS Query (no X-Amz-Target); their "prefix" is the Smithy service name, so that every
    // operation still has one target string (AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity).
    public const string IamPrefix = "AWSIdentityManagementV20100508";
    public const string StsPrefix = "AWSSecurityTokenServiceV20110615";

    private AwsOperationInventory(FrozenDictionary<string, InventoryEntry> entries) => Entries = entries;

    public FrozenDictionary<string, InventoryEntry> Entries { get; }

    public static AwsOperationInventory Load()
    {
        var entries = new Dictionary<string, InventoryEntry>(StringComparer.Ordinal);
        Read("cognito-idp-ops.tsv", UserPoolsPrefix, entries);
        Read("cognito-identity-ops.tsv", IdentityPoolsPrefix, entries);
        Read("iam-ops.tsv", IamPrefix, entries);
        Read("sts-ops.tsv", StsPrefix, entries);
        return new AwsOperationInventory(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void Read(string resource, string prefix, Dictionary<string, InventoryEntry> entries)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()?.Split('\t') ?? throw new InvalidOperationException($"{resource} is empty.");
        var nameAt = Array.IndexOf(header, "operation");
        var categoryAt = Array.IndexOf(header, "category");
        var authAt = Array.IndexOf(header, "sdk_auth_scheme");
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split('\t');
            var name = cells[nameAt];
            entries[$"{prefix}.{name}"] = new InventoryEntry(
                prefix, name, cells[categoryAt], Signed: !string.Equals(cells[authAt], "none", StringComparison.Ordinal));
        }
    }
}
