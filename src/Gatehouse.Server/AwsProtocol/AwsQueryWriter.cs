using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// The single writer of AWS Query (IAM, STS) results and errors: XML in the service's namespace, the result
/// under <c>&lt;Op&gt;Response/&lt;Op&gt;Result</c> and a <c>ResponseMetadata/RequestId</c>, as the SDKs read it
/// (shared/api sts-web-identity.md "Response encoding"). A result is serialized to JSON with the generated context,
/// then written by the operation's output shape: lists as <c>member</c> elements, maps as <c>entry/key/value</c>,
/// timestamps as ISO-8601. Errors are <c>ErrorResponse/Error/{Type,Code,Message}</c>; the JSON front-end errors
/// that shared code returns (SigV4, validation) are renamed to the codes Query services use.
/// </summary>
internal sealed class AwsQueryWriter(TimeProvider clock)
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Async = true,
        Indent = false,
        OmitXmlDeclaration = false,
    };

    public async Task WriteAsync(
        HttpContext context, string xmlNamespace, ApiModel? model, string? operation, AwsResult result, CancellationToken ct)
    {
        var response = context.Response;
        var requestId = Guid.NewGuid().ToString();
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers.Date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, Settings))
        {
            if (result.Error is { } error || model is null || operation is null)
            {
                var (code, status) = QueryCode(result.Error ?? AwsError.InternalError("An internal error occurred."));
                response.StatusCode = status;
                WriteError(xml, xmlNamespace, code, result.Error?.Message ?? "", status, requestId);
            }
            else
            {
                response.StatusCode = StatusCodes.Status200OK;
                WriteResult(xml, xmlNamespace, model, operation, result, requestId);
            }
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
    }

    /// <summary>
    /// The Query code and status of an error. Names from the AWS JSON front end map to the codes IAM and STS answer
    /// with (IAM API reference "Common Errors"): an unknown key is InvalidClientTokenId (403), a bad signature
    /// SignatureDoesNotMatch (403), a constraint violation ValidationError (400), an unknown action InvalidAction.
    /// </summary>
    public static (string Code, int Status) QueryCode(AwsError error) => error.Type switch
    {
        "UnrecognizedClientException" => ("InvalidClientTokenId", 403),
        "InvalidSignatureException" => ("SignatureDoesNotMatch", 403),
        "MissingAuthenticationTokenException" => ("MissingAuthenticationToken", 403),
        "InvalidParameterException" or "SerializationException" => ("ValidationError", 400),
        "UnknownOperationException" => ("InvalidAction", 400),
        "InternalErrorException" => ("InternalFailure", 500),
        _ => (error.Type, error.Status),
    };

    private static void WriteError(XmlWriter xml, string ns, string code, string message, int status, string requestId)
    {
        xml.WriteStartElement("ErrorResponse", ns);
        xml.WriteStartElement("Error", ns);
        xml.WriteElementString("Type", ns, status >= 500 ? "Receiver" : "Sender");
        xml.WriteElementString("Code", ns, code);
        xml.WriteElementString("Message", ns, message);
        xml.WriteEndElement();
        xml.WriteElementString("RequestId", ns, requestId);
        xml.WriteEndElement();
    }

    private static void WriteResult(
        XmlWriter xml, string ns, ApiModel model, string operation, AwsResult result, string requestId)
    {
        xml.WriteStartElement(operation + "Response", ns);
        if (model.OutputOf(operation) is { } output && result.Body is { } body && result.BodyType is { } type)
        {
            var json = JsonSerializer.SerializeToElement(body, AwsJson.Options.GetTypeInfo(type));
            xml.WriteStartElement(operation + "Result", ns);
            WriteMembers(xml, ns, model, output, json);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("ResponseMetadata", ns);
        xml.WriteElementString("RequestId", ns, requestId);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteMembers(XmlWriter xml, string ns, ApiModel model, ModelShape shape, JsonElement value)
    {
        foreach (var member in shape.Members)
        {
            if (value.TryGetProperty(member.Name, out var memberValue) && memberValue.ValueKind != JsonValueKind.Null)
            {
                xml.WriteStartElement(member.Name, ns);
                WriteValue(xml, ns, model, model[member.Target], memberValue);
                xml.WriteEndElement();
            }
        }
    }

    private static void WriteValue(XmlWriter xml, string ns, ApiModel model, ModelShape shape, JsonElement value)
    {
        switch (shape.Type)
        {
            case "structure" or "union":
                WriteMembers(xml, ns, model, shape, value);
                break;
            case "list":
                foreach (var item in value.EnumerateArray())
                {
                    xml.WriteStartElement("member", ns);
                    WriteValue(xml, ns, model, model[shape.ListMember!], item); // a list shape names its member
                    xml.WriteEndElement();
                }

                break;
            case "map":
                foreach (var entry in value.EnumerateObject())
                {
                    xml.WriteStartElement("entry", ns);
                    xml.WriteElementString("key", ns, entry.Name);
                    xml.WriteStartElement("value", ns);
                    WriteValue(xml, ns, model, model[shape.MapValue!], entry.Value); // a map shape names its value
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                break;
            case "timestamp":
                var millis = (long)Math.Round(value.GetDecimal() * 1000);
                xml.WriteString(DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime
                    .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case "boolean":
                xml.WriteString(value.GetBoolean() ? "true" : "false");
                break;
            default:
                xml.WriteString(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
                break;
        }
    }
}
