namespace Gatehouse.Server.Admin;

/// <summary>
/// Maps the documented flat environment variables (<c>GATEHOUSE_DATA_DIR</c>, ...) onto configuration keys, so the
/// usual ASP.NET sources (<c>Gatehouse__Storage__DataDir</c>, appsettings, command line) work as well.
/// </summary>
internal static class EnvironmentAliases
{
    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("GATEHOUSE_DATA_DIR", "Gatehouse:Storage:DataDir"),
        ("GATEHOUSE_POSTGRES", "Gatehouse:Storage:Postgres"),
        ("GATEHOUSE_MASTER_KEY", "Gatehouse:Storage:MasterKey"),
        ("GATEHOUSE_ADMIN_ACCESS_KEY_ID", "Gatehouse:Admin:AccessKeyId"),
        ("GATEHOUSE_ADMIN_SECRET_ACCESS_KEY", "Gatehouse:Admin:SecretAccessKey"),
        ("GATEHOUSE_PUBLIC_URL", "Gatehouse:PublicUrl"),
        ("GATEHOUSE_REGION", "Gatehouse:Region"),
        ("GATEHOUSE_ACCOUNT_ID", "Gatehouse:AccountId"),
        ("GATEHOUSE_SMTP_HOST", "Gatehouse:Messaging:Smtp:Host"),
        ("GATEHOUSE_SMTP_PORT", "Gatehouse:Messaging:Smtp:Port"),
        ("GATEHOUSE_SMTP_USER", "Gatehouse:Messaging:Smtp:User"),
        ("GATEHOUSE_SMTP_PASSWORD", "Gatehouse:Messaging:Smtp:Password"),
        ("GATEHOUSE_SMTP_FROM", "Gatehouse:Messaging:Smtp:From"),
    ];

    public static void AddGatehouseEnvironment(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Aliases)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        configuration.AddInMemoryCollection(values);
    }
}
