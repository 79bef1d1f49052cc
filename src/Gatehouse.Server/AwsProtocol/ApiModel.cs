using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The AWS API model of a service, trimmed by <c>eng/gen-model.py</c> to shapes and their constraints
/// (<c>AwsProtocol/Model/&lt;service&gt;.model.json</c>). <see cref="ModelValidator"/> checks requests against it.
/// </summary>
internal sealed class ApiModel
{
    private ApiModel(FrozenDictionary<string, ModelShape> shapes) => Shapes = shapes;

    public FrozenDictionary<string, ModelShape> Shapes { get; }

    public ModelShape this[string name] => Shapes[name];

    public static ApiModel Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var doc = JsonDocument.Parse(stream);
        var shapes = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.GetProperty("shapes").EnumerateObject())
        {
            shapes[property.Name] = ModelShape.From(property.Name, property.Value);
        }

        return new ApiModel(shapes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The input shape of an operation, or null when it takes none.</summary>
    public ModelShape? InputOf(string operation) =>
        Shapes.TryGetValue(operation, out var op) && op.Input is { } input ? Shapes[input] : null;

    /// <summary>The output shape of an operation, or null when it returns none (smithy.api#Unit).</summary>
    public ModelShape? OutputOf(string operation) =>
        Shapes.TryGetValue(operation, out var op) && op.Output is { } output && output != "smithy.Unit"
            ? Shapes[output]
            : null;

    public bool HasOperation(string operation) =>
        Shapes.TryGetValue(operation, out var op) && op.Type == "operation";
}
