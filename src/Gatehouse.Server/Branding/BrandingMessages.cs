namespace Gatehouse.Server.Branding;

internal static class BrandingMessages
{
    public const string CssNotParsable =
        "The CSS could not be read: it must be a list of class rules, selector { property: value; }.";

    public const string CssAtRule = "The CSS may not contain @import, @supports, @page, @media or other @ rules.";

    public const string CssScript = "The CSS may not contain JavaScript.";

    public const string ConcurrentSet = "The UI customization was set by another request at the same time; retry.";

    public const string DomainRequired = "There has to be an existing domain associated with this user pool.";

    public const string ImageInvalid = "The logo image must be a PNG or JPEG file of at most 100 KB.";

    public static string CssClassNotAllowed(string selector) =>
        $"The CSS selector {selector} is not one of the hosted UI's customizable classes.";
}
