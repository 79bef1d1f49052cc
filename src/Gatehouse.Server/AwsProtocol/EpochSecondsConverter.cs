using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// AWS JSON 1.1 timestamps are epoch seconds as JSON numbers, possibly fractional (protocol-notes §2).
/// Written with millisecond precision, as Cognito does.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds)
            || double.IsNaN(seconds) || seconds < -62135596800 || seconds > 253402300799)
        {
            throw new JsonException("Timestamps are epoch seconds.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var millis = value.ToUnixTimeMilliseconds();
        writer.WriteRawValue((millis / 1000m).ToString("0.###", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
