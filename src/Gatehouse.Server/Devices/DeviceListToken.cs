using System.Globalization;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The PaginationToken of ListDevices / AdminListDevices. Format v1: <c>d1.</c> + the row id of the last device
/// returned (decimal). The query is always scoped to the caller's user, so the token reveals and reaches nothing
/// beyond that user's own devices.
/// </summary>
internal static class DeviceListToken
{
    private const string V1 = "d1.";

    /// <summary>Cognito's ListDevices accepts a Limit of up to 60.</summary>
    public const int MaxLimit = 60;

    public static string Write(long lastId) => V1 + lastId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id to continue after: 0 without a token, null for a token this server did not write.</summary>
    public static long? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        return token.StartsWith(V1, StringComparison.Ordinal)
            && long.TryParse(token.AsSpan(V1.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && id > 0
                ? id
                : null;
    }

    public static int Limit(int? requested) => requested is > 0 and <= MaxLimit ? requested.Value : MaxLimit;
}
