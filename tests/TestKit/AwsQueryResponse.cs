using System.Net;
using System.Xml.Linq;

namespace Gatehouse.TestKit;

/// <summary>An AWS Query answer: status, the XML, and the error code when there is one.</summary>
public sealed record AwsQueryResponse(HttpStatusCode Status, string Text)
{
    public XDocument Xml { get; } = XDocument.Parse(Text);

    public string? ErrorCode => Value("Code");

    public string? Message => Value("Message");

    /// <summary>The text of the first element named <paramref name="localName"/>, anywhere in the answer.</summary>
    public string? Value(string localName) => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>The texts of every element named <paramref name="localName"/>.</summary>
    public IReadOnlyList<string> Values(string localName) =>
        Xml.Descendants().Where(e => e.Name.LocalName == localName).Select(e => e.Value).ToList();
}
