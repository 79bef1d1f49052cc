using System.Text.Json.Serialization;

namespace Gatehouse.Server.Users;

/// <summary>Source-generated JSON for <see cref="Storage.User.Attributes"/> (format v1: an object of strings).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class UsersJsonContext : JsonSerializerContext;
