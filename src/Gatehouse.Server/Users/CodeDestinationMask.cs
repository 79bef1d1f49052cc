using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// Masks a code's destination the way Cognito shows it in <c>CodeDeliveryDetails.Destination</c> (AWS answers
/// <c>t***@t***</c> for <c>test@test.com</c>, and <c>+*******1234</c> for a phone number): an email keeps only the
/// first character of the local part and of the domain, each followed by <c>***</c>; a phone number keeps the plus
/// sign and its last four digits, every other digit becomes <c>*</c>.
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

        return $"{address[0]}***@{address[at + 1]}***";
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
