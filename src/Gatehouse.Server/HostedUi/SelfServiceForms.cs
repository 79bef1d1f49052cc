using System.Globalization;
using System.Text;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// What the self-service pages (/signup, /confirm, /resendcode, /forgotPassword, /confirmforgotPassword) share:
/// the SECRET_HASH the page computes for a client with a secret (the page acts as that client, as Cognito's does),
/// the hidden authorize parameters, and the password policy shown next to a new password.
/// </summary>
internal static class SelfServiceForms
{
    /// <summary>How long a sign-up may take to be confirmed and still finish the sign-in without the password.</summary>
    public static readonly TimeSpan SignedUpValidity = TimeSpan.FromMinutes(15);

    private static readonly CompositeFormat MinimumLength = CompositeFormat.Parse(HostedUiStrings.MinimumLength);

    public static string? SecretHash(SecretProtector protector, AppClient client, string username) =>
        AppClientSecret.Reveal(protector, client) is { } secret ? Auth.SecretHash.Compute(secret, username, client.ClientId) : null;

    public static Html HiddenRequest(this Html html, AuthorizeRequest request)
    {
        foreach (var (name, value) in request.WithoutPrompt().Parameters())
        {
            html.Hidden(name, value);
        }

        return html;
    }

    /// <summary>The pool's password policy as a list the form shows (and screen readers read) before the field.</summary>
    public static Html PasswordPolicy(this Html html, PasswordPolicyType policy)
    {
        html.Raw("<div class=\"note\" id=\"password-policy\"><p>").Text(HostedUiStrings.PasswordPolicyHeading).Raw("</p><ul>");
        html.Raw("<li>").Text(string.Format(CultureInfo.InvariantCulture, MinimumLength,
            policy.MinimumLength ?? 8)).Raw("</li>");
        foreach (var (required, text) in new[]
        {
            (policy.RequireLowercase, HostedUiStrings.NeedsLowercase),
            (policy.RequireUppercase, HostedUiStrings.NeedsUppercase),
            (policy.RequireNumbers, HostedUiStrings.NeedsNumber),
            (policy.RequireSymbols, HostedUiStrings.NeedsSymbol),
        })
        {
            if (required == true)
            {
                html.Raw("<li>").Text(text).Raw("</li>");
            }
        }

        return html.Raw("</ul></div>");
    }

    /// <summary>
    /// The attributes the sign-up form asks for besides username and password: the username attribute when the
    /// pool signs in with email or phone, the auto-verified ones (the confirmation code goes there), and every
    /// required attribute of the schema (the hosted UI names the fields after the attributes: <c>email</c>,
    /// <c>phone_number</c>, ...).
    /// </summary>
    public static IReadOnlyList<string> SignUpAttributes(PoolSettings pool)
    {
        var names = new List<string>();
        if (pool.EmailIsUsername)
        {
            names.Add(UserAttributeNames.Email);
        }

        if (pool.PhoneIsUsername)
        {
            names.Add(UserAttributeNames.PhoneNumber);
        }

        foreach (var name in pool.Type.AutoVerifiedAttributes ?? [])
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        foreach (var (name, attribute) in pool.Schema)
        {
            if (attribute.Required == true && !names.Contains(name, StringComparer.Ordinal)
                && !string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The label of an attribute's field: a readable name for the standard ones, else the attribute name.</summary>
    public static string Label(string attribute) => attribute switch
    {
        UserAttributeNames.Email => "Email",
        UserAttributeNames.PhoneNumber => "Phone number",
        "given_name" => "Given name",
        "family_name" => "Family name",
        "name" => "Name",
        "preferred_username" => "Preferred username",
        "birthdate" => "Birthdate",
        "address" => "Address",
        _ => attribute,
    };

    public static string InputType(string attribute) => attribute switch
    {
        UserAttributeNames.Email => "email",
        UserAttributeNames.PhoneNumber => "tel",
        _ => "text",
    };

    public static string? Autocomplete(string attribute) => attribute switch
    {
        UserAttributeNames.Email => "email",
        UserAttributeNames.PhoneNumber => "tel",
        "given_name" => "given-name",
        "family_name" => "family-name",
        "name" => "name",
        _ => null,
    };
}
