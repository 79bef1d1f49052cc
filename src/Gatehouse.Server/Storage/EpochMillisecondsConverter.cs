using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gatehouse.Server.Storage;

/// <summary>Stores an instant as UTC epoch milliseconds (a 64-bit integer column).</summary>
internal sealed class EpochMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
