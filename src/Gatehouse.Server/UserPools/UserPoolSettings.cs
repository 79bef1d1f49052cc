using System.Collections.Concurrent;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// Reads and writes the stored configuration of pools and app clients (formats in <see cref="UserPool"/> and
/// <see cref="AppClient"/>). What is stored is the complete effective configuration: defaults are filled in at
/// write time (full standard schema, password policy, token validities with explicit units, auth flows), so a
/// reader finds every setting without knowing Cognito's defaults. Two deliberate nulls keep Cognito's legacy
/// meaning: <c>AccountRecoverySetting</c> null means "verified phone preferred over verified email", and an app
/// client's <c>ReadAttributes</c>/<c>WriteAttributes</c> null means "every attribute of the schema" (read) and
/// "every mutable attribute" (write).
/// </summary>
internal static class UserPoolSettings
{
    // Parses by stored text: the same text always parses to the same value and the shapes are immutable records,
    // so one parse is shared by every request that reads it (no staleness: changed settings are a new text).
    private const int MaxParsed = 512;
    private static readonly ConcurrentDictionary<string, UserPoolType> ParsedPools = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, UserPoolClientType> ParsedClients = new(StringComparer.Ordinal);

    /// <summary>The pool's configuration, without the members computed on read (Id, Name, dates, Arn, users).</summary>
    public static UserPoolType Read(UserPool pool) => Parsed(ParsedPools, pool.Settings, json =>
        JsonSerializer.Deserialize(json, CognitoIdpJsonContext.Default.UserPoolType)
        ?? throw new InvalidOperationException($"Stored settings of user pool {pool.Id} are null."));

    public static string Write(UserPoolType settings) =>
        JsonSerializer.Serialize(
            settings with { Id = null, Name = null, CreationDate = null, LastModifiedDate = null, Arn = null, EstimatedNumberOfUsers = null },
            CognitoIdpJsonContext.Default.UserPoolType);

    /// <summary>The client's configuration, without ClientId, ClientName, UserPoolId, dates and the secret.</summary>
    public static UserPoolClientType ReadClient(AppClient client) => Parsed(ParsedClients, client.Settings, json =>
        JsonSerializer.Deserialize(json, CognitoIdpJsonContext.Default.UserPoolClientType)
        ?? throw new InvalidOperationException($"Stored settings of app client {client.ClientId} are null."));

    public static string WriteClient(UserPoolClientType settings) =>
        JsonSerializer.Serialize(
            settings with
            {
                ClientId = null,
                ClientName = null,
                UserPoolId = null,
                ClientSecret = null,
                CreationDate = null,
                LastModifiedDate = null,
            },
            CognitoIdpJsonContext.Default.UserPoolClientType);

    /// <summary>
    /// The pool's MFA configuration as GetUserPoolMfaConfig returns it. <see cref="UserPool.MfaSettings"/> keeps
    /// which factors are on (format v1: the JSON of <c>GetUserPoolMfaConfigResponse</c> where a present
    /// <c>SmsMfaConfiguration</c> means SMS MFA is on; its message and SNS settings live in the pool settings);
    /// MfaConfiguration itself is the pool's.
    /// </summary>
    public static GetUserPoolMfaConfigResponse ReadMfa(UserPool pool)
    {
        var settings = Read(pool);
        var factors = ReadMfaFactors(pool);
        return factors with
        {
            MfaConfiguration = settings.MfaConfiguration ?? "OFF",
            SmsMfaConfiguration = factors.SmsMfaConfiguration is null
                ? null
                : new SmsMfaConfigType
                {
                    SmsAuthenticationMessage = settings.SmsAuthenticationMessage,
                    SmsConfiguration = settings.SmsConfiguration,
                },
        };
    }

    public static GetUserPoolMfaConfigResponse ReadMfaFactors(UserPool pool) =>
        JsonSerializer.Deserialize(pool.MfaSettings, CognitoIdpJsonContext.Default.GetUserPoolMfaConfigResponse)
        ?? throw new InvalidOperationException($"Stored MFA settings of user pool {pool.Id} are null.");

    public static string WriteMfaFactors(GetUserPoolMfaConfigResponse factors) =>
        JsonSerializer.Serialize(
            factors with
            {
                MfaConfiguration = null,
                SmsMfaConfiguration = factors.SmsMfaConfiguration is null ? null : new SmsMfaConfigType(),
            },
            CognitoIdpJsonContext.Default.GetUserPoolMfaConfigResponse);

    private static T Parsed<T>(ConcurrentDictionary<string, T> parsed, string json, Func<string, T> parse)
    {
        if (parsed.TryGetValue(json, out var value))
        {
            return value;
        }

        if (parsed.Count >= MaxParsed)
        {
            parsed.Clear();
        }

        return parsed[json] = parse(json);
    }
}
