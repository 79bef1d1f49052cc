namespace Gatehouse.Server.AwsProtocol;

/// <summary>A member of a structure shape: its wire name, target shape and whether it is required.</summary>
internal sealed record ModelMember(string Name, string Target, bool Required);
