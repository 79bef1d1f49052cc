using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// Masks a code's destination the way Cognito shows it in <c>CodeDeliveryDetails.Destination</c> (observed
/// responses, e.g. <c>a***@e***.com</c> and <c>+*******1234</c>): an email keeps the first character of the local
/// part, the first character of the domain and the domain's last label; a phone number keeps the plus sign and its
/// last four digits, every other digit becomes <c>*</c>.
/// </summary>
internal static class CodeDestinationMask
{
    public static string Email(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return "***";
        }

        var domain = address[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{address[0]}***@{domain[0]}***{tld}";
    }

    public static string Phone(string number)
    {
        var digits = number.StartsWith('+') ? number[1..] : number;
        var visible = Math.Min(4, digits.Length);
        var masked = new StringBuilder(number.Length);
        if (number.StartsWith('+'))
        {
            masked.Append('+');
        }

        masked.Append('*', digits.Length - visible).Append(digits, digits.Length - visible, visible);
        return masked.ToString();
    }
}
