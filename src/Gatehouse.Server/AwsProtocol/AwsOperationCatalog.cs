using System.Collections.Frozen;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// What the dispatcher knows of every target: the inventory (signed or not), the model of its input,
/// and, when it is built, its handler.
/// </summary>
internal sealed class AwsOperationCatalog
{
    public AwsOperationCatalog(IEnumerable<AwsOperation> built)
    {
        Inventory = AwsOperationInventory.Load();
        Models = new Dictionary<string, ApiModel>(StringComparer.Ordinal)
        {
            [AwsOperationInventory.UserPoolsPrefix] = ApiModel.Load("cognito-idp.model.json"),
            [AwsOperationInventory.IdentityPoolsPrefix] = ApiModel.Load("cognito-identity.model.json"),
            [AwsOperationInventory.IamPrefix] = ApiModel.Load("iam.model.json"),
            [AwsOperationInventory.StsPrefix] = ApiModel.Load("sts.model.json"),
        }.ToFrozenDictionary(StringComparer.Ordinal);
        Validators = Models.ToFrozenDictionary(m => m.Key, m => new ModelValidator(m.Value), StringComparer.Ordinal);
        Built = built.ToFrozenDictionary(o => o.Target, StringComparer.Ordinal);
        foreach (var target in Built.Keys.Where(t => !Inventory.Entries.ContainsKey(t)))
        {
            throw new InvalidOperationException($"{target} is built but not in the operation inventory.");
        }
    }

    public AwsOperationInventory Inventory { get; }

    public FrozenDictionary<string, ApiModel> Models { get; }

    public FrozenDictionary<string, ModelValidator> Validators { get; }

    public FrozenDictionary<string, AwsOperation> Built { get; }

    /// <summary>Whether a prefix's service speaks AWS Query (form in, XML out) rather than AWS JSON 1.1.</summary>
    public static bool IsQuery(string prefix) =>
        prefix is AwsOperationInventory.IamPrefix or AwsOperationInventory.StsPrefix;

    /// <summary>The SigV4 signing name of a target prefix.</summary>
    public static string SigningName(string prefix) => prefix switch
    {
        AwsOperationInventory.UserPoolsPrefix => "cognito-idp",
        AwsOperationInventory.IdentityPoolsPrefix => "cognito-identity",
        AwsOperationInventory.IamPrefix => "iam",
        AwsOperationInventory.StsPrefix => "sts",
        _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "Unknown AWS service prefix."),
    };
}
