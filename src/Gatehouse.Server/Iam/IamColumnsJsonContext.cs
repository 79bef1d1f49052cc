using System.Text.Json.Serialization;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The JSON columns of the IAM tables, format v1: tags as an object of key to value (<c>IamRole.Tags</c>,
/// <c>IamPolicy.Tags</c>, <c>IamOidcProvider.Tags</c>), client ids and thumbprints as arrays of strings.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class IamColumnsJsonContext : JsonSerializerContext;
