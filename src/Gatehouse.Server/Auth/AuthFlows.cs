namespace Gatehouse.Server.Auth;

/// <summary>
/// The model's AuthFlowType values and which app-client ExplicitAuthFlows allow each (CreateUserPoolClient
/// documentation of ExplicitAuthFlows). The legacy values (USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH,
/// CUSTOM_AUTH_FLOW_ONLY) come from clients created before the ALLOW_ values: with them SRP and refresh were
/// always on unless CUSTOM_AUTH_FLOW_ONLY.
/// </summary>
internal static class AuthFlows
{
    public const string UserSrp = "USER_SRP_AUTH";
    public const string UserPassword = "USER_PASSWORD_AUTH";
    public const string AdminUserPassword = "ADMIN_USER_PASSWORD_AUTH";
    public const string AdminNoSrp = "ADMIN_NO_SRP_AUTH";
    public const string RefreshTokenAuth = "REFRESH_TOKEN_AUTH";
    public const string RefreshToken = "REFRESH_TOKEN";
    public const string CustomAuth = "CUSTOM_AUTH";
    public const string UserAuth = "USER_AUTH";

    /// <summary>Whether <paramref name="name"/> is an AuthFlow (InitiateAuth) rather than a challenge name.</summary>
    public static bool IsFlow(string name) =>
        name is UserSrp or UserPassword or AdminUserPassword or AdminNoSrp or RefreshTokenAuth or RefreshToken
            or CustomAuth or UserAuth;

    public static bool IsRefresh(string flow) => flow is RefreshTokenAuth or RefreshToken;

    public static bool IsAdminPassword(string flow) => flow is AdminUserPassword or AdminNoSrp;

    /// <summary>Flows only AdminInitiateAuth takes.</summary>
    public static bool AdminOnly(string flow) => IsAdminPassword(flow);

    /// <summary>Whether an app client with these ExplicitAuthFlows may use <paramref name="flow"/>.</summary>
    public static bool Allowed(IReadOnlyList<string>? explicitFlows, string flow)
    {
        var flows = explicitFlows ?? [];
        bool Has(string name) => flows.Contains(name, StringComparer.Ordinal);
        var legacy = !flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal));
        return flow switch
        {
            UserSrp => Has("ALLOW_USER_SRP_AUTH") || (legacy && !Has("CUSTOM_AUTH_FLOW_ONLY")),
            RefreshTokenAuth or RefreshToken => Has("ALLOW_REFRESH_TOKEN_AUTH") || (legacy && !Has("CUSTOM_AUTH_FLOW_ONLY")),
            UserPassword => Has("ALLOW_USER_PASSWORD_AUTH") || Has("USER_PASSWORD_AUTH"),
            AdminUserPassword or AdminNoSrp => Has("ALLOW_ADMIN_USER_PASSWORD_AUTH") || Has("ADMIN_NO_SRP_AUTH"),
            CustomAuth => Has("ALLOW_CUSTOM_AUTH") || Has("CUSTOM_AUTH_FLOW_ONLY"),
            UserAuth => Has("ALLOW_USER_AUTH"),
            _ => false,
        };
    }
}
