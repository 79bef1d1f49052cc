namespace Gatehouse.Server.AwsProtocol;

/// <summary>One row of the operation inventory: <see cref="Signed"/> is false for the SDK's noAuth operations.</summary>
internal sealed record InventoryEntry(string Prefix, string Name, string Category, bool Signed)
{
    public string Target => $"{Prefix}.{Name}";
}
