using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Token lifetimes of an app client. The API takes a number and a unit per token (TokenValidityUnitsType); the
/// default units of a number given alone are hours (access, ID) and days (refresh); an omitted number is the
/// default lifetime, 60 minutes for access and ID tokens and 30 days for refresh tokens, and a refresh validity
/// of 0 means that default too (CreateUserPoolClient documentation). The allowed ranges are 5 minutes to 1 day
/// (access, ID) and 60 minutes to 10 years (refresh).
/// </summary>
internal static class AppClientTokenValidity
{
    public static readonly TimeSpan ShortMinimum = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ShortMaximum = TimeSpan.FromDays(1);
    public static readonly TimeSpan RefreshMinimum = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan RefreshMaximum = TimeSpan.FromDays(3650);

    public static TimeSpan Duration(int value, string unit) => unit switch
    {
        "seconds" => TimeSpan.FromSeconds(value),
        "minutes" => TimeSpan.FromMinutes(value),
        "hours" => TimeSpan.FromHours(value),
        "days" => TimeSpan.FromDays(value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a TimeUnitsType value."),
    };

    public static TimeSpan AccessToken(UserPoolClientType client) =>
        Duration(client.AccessTokenValidity ?? 60, client.TokenValidityUnits?.AccessToken ?? "minutes");

    public static TimeSpan IdToken(UserPoolClientType client) =>
        Duration(client.IdTokenValidity ?? 60, client.TokenValidityUnits?.IdToken ?? "minutes");

    public static TimeSpan RefreshToken(UserPoolClientType client) =>
        Duration(client.RefreshTokenValidity ?? 30, client.TokenValidityUnits?.RefreshToken ?? "days");

    /// <summary>The stored (value, unit) of one token: the request's, or the default lifetime in minutes or days.</summary>
    public static (int Value, string Unit) Resolve(int? value, string? unit, string defaultUnit, int defaultValue, string defaultValueUnit) =>
        value is null or 0 ? (defaultValue, defaultValueUnit) : (value.Value, unit ?? defaultUnit);
}
