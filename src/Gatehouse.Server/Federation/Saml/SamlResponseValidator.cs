using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Gatehouse.Server.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// The checks of a SAML Response at <c>/saml2/idpresponse</c> (SAML Core §3.2.2, §2.3-2.5; Profiles §4.1.4.3), in
/// order, the first failure wins: parsed safely (<see cref="SamlXml"/>), a Response, no duplicate IDs, the
/// Response's signature valid if present (<see cref="SamlSignature"/>), Status Success, Destination the ACS URL,
/// Issuer the metadata's entity id, InResponseTo the request's ID (none for IdP-initiated), exactly one assertion
/// (decrypted when the provider wants encrypted responses), signed itself unless the Response was, its Issuer,
/// a NameID of plain text, a bearer SubjectConfirmation for the ACS URL, Conditions with this pool's Audience and a
/// validity window that includes now (± <see cref="Skew"/>), and an assertion ID not used before on any node.
/// Every value read comes from the verified Response or the verified Assertion element itself.
/// </summary>
internal sealed class SamlResponseValidator(AuthSessionLedger ledger, TimeProvider clock)
{
    public static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    /// <summary>The largest NameID taken (the user name is the provider name, an underscore and the NameID).</summary>
    private const int MaxNameIdLength = 1024;

    public async Task<SamlResponseOutcome> ValidateAsync(string samlResponse, SamlResponseCheck check, CancellationToken ct)
    {
        var bytes = new byte[samlResponse.Length];
        if (!Convert.TryFromBase64String(samlResponse, bytes, out var length))
        {
            return SamlResponseOutcome.Refused(SamlMessages.NotBase64);
        }

        if (SamlXml.Load(Encoding.UTF8.GetString(bytes, 0, length)) is not { DocumentElement: { } response } document)
        {
            return SamlResponseOutcome.Refused(SamlMessages.NotXml);
        }

        if (!SamlXml.Is(response, SamlXml.Protocol, "Response"))
        {
            return SamlResponseOutcome.Refused(SamlMessages.NotResponse);
        }

        if (HasDuplicateIds(document))
        {
            return SamlResponseOutcome.Refused(SamlMessages.DuplicateIds);
        }

        var responseSignature = SamlSignature.Check(response, check.Metadata.SigningCertificates);
        if (responseSignature == SamlSignature.Outcome.Invalid)
        {
            return SamlResponseOutcome.Refused(SamlMessages.BadSignature);
        }

        if (CheckResponse(response, check, responseSignature == SamlSignature.Outcome.Valid) is { } refused)
        {
            return refused;
        }

        if (OpenAssertion(document, response, check) is not { } assertion)
        {
            return SamlResponseOutcome.Refused(check.DecryptionCertificate is null
                ? SamlMessages.AssertionCount : SamlMessages.DecryptionFailed);
        }

        var assertionSignature = SamlSignature.Check(assertion, check.Metadata.SigningCertificates);
        if (assertionSignature == SamlSignature.Outcome.Invalid
            || (assertionSignature == SamlSignature.Outcome.Absent && responseSignature != SamlSignature.Outcome.Valid))
        {
            return SamlResponseOutcome.Refused(assertionSignature == SamlSignature.Outcome.Invalid
                ? SamlMessages.BadSignature : SamlMessages.Unsigned);
        }

        return await CheckAssertionAsync(assertion, check, ct);
    }

    private static SamlResponseOutcome? CheckResponse(XmlElement response, SamlResponseCheck check, bool signed)
    {
        var status = SamlXml.Child(SamlXml.Child(response, SamlXml.Protocol, "Status"), SamlXml.Protocol, "StatusCode");
        if (!string.Equals(status?.GetAttribute("Value"), SamlXml.Success, StringComparison.Ordinal))
        {
            return new SamlResponseOutcome(null, SamlMessages.StatusNotSuccess, IdpFailure: true);
        }

        // Core §3.2.2: Destination is required in a signed message sent by a binding; when present it must be us.
        var destination = response.GetAttributeNode("Destination")?.Value;
        if (destination is null ? signed : !string.Equals(destination, check.AcsUrl, StringComparison.Ordinal))
        {
            return SamlResponseOutcome.Refused(destination is null ? SamlMessages.SignedNoDestination : SamlMessages.WrongDestination);
        }

        if (SamlXml.Child(response, SamlXml.Assertion, "Issuer") is { } issuer
            && !string.Equals(SamlXml.PlainText(issuer), check.Metadata.EntityId, StringComparison.Ordinal))
        {
            return SamlResponseOutcome.Refused(SamlMessages.WrongIssuer);
        }

        return InResponseToMatches(response, check.RequestId) ? null : SamlResponseOutcome.Refused(
            check.RequestId is null ? SamlMessages.Unsolicited : SamlMessages.WrongInResponseTo);
    }

    /// <summary>
    /// The one assertion of the response, a direct child of it: plain, or, when the provider wants encrypted
    /// responses, decrypted from the one EncryptedAssertion (then the only one of its own document). Any other
    /// assertion anywhere in the document (in Extensions, in a signature's Object, a second one) refuses the response.
    /// </summary>
    private static XmlElement? OpenAssertion(XmlDocument document, XmlElement response, SamlResponseCheck check)
    {
        var plain = document.GetElementsByTagName("Assertion", SamlXml.Assertion).OfType<XmlElement>().ToList();
        var encrypted = document.GetElementsByTagName("EncryptedAssertion", SamlXml.Assertion).OfType<XmlElement>().ToList();
        if (check.DecryptionCertificate is null)
        {
            return plain.Count == 1 && encrypted.Count == 0 && plain[0].ParentNode == response ? plain[0] : null;
        }

        if (plain.Count != 0 || encrypted.Count != 1 || encrypted[0].ParentNode != response
            || SamlDecryption.Decrypt(encrypted[0], check.DecryptionCertificate) is not { DocumentElement: { } root } decrypted)
        {
            return null;
        }

        return SamlXml.Is(root, SamlXml.Assertion, "Assertion") && !HasDuplicateIds(decrypted)
            && decrypted.GetElementsByTagName("Assertion", SamlXml.Assertion).Count == 1
                ? root
                : null;
    }

    private async Task<SamlResponseOutcome> CheckAssertionAsync(XmlElement assertion, SamlResponseCheck check, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!string.Equals(SamlXml.PlainText(SamlXml.Child(assertion, SamlXml.Assertion, "Issuer")),
                check.Metadata.EntityId, StringComparison.Ordinal))
        {
            return SamlResponseOutcome.Refused(SamlMessages.WrongIssuer);
        }

        var subject = SamlXml.Child(assertion, SamlXml.Assertion, "Subject");
        if (SamlXml.PlainText(SamlXml.Child(subject, SamlXml.Assertion, "NameID")) is not { Length: > 0 and <= MaxNameIdLength } nameId)
        {
            return SamlResponseOutcome.Refused(SamlMessages.BadNameId);
        }

        if (BearerConfirmation(subject!, check, now) is not { } confirmedUntil)
        {
            return SamlResponseOutcome.Refused(SamlMessages.WrongRecipient);
        }

        if (CheckConditions(SamlXml.Child(assertion, SamlXml.Assertion, "Conditions"), check.PoolId, now) is { } reason)
        {
            return SamlResponseOutcome.Refused(reason);
        }

        // The ledger's key is at most 64 characters: the pool and the IdP's assertion ID (any length) are hashed.
        var key = "saml:" + Base64UrlEncoder.Encode(SHA256.HashData(
            Encoding.UTF8.GetBytes(check.PoolId + "\n" + assertion.GetAttribute("ID"))));
        if (assertion.GetAttribute("ID").Length == 0 || !await ledger.TryConsumeAsync(key, confirmedUntil + Skew, ct))
        {
            return SamlResponseOutcome.Refused(SamlMessages.Replayed);
        }

        return new SamlResponseOutcome(new SamlAssertion(nameId, Attributes(assertion), check.Metadata.EntityId), null);
    }

    /// <summary>
    /// Profiles §4.1.4.2: a bearer SubjectConfirmation whose data names the ACS URL as Recipient, is not expired
    /// (NotOnOrAfter required), and answers the request (or, IdP-initiated, none). Its NotOnOrAfter, or null.
    /// </summary>
    private static DateTimeOffset? BearerConfirmation(XmlElement subject, SamlResponseCheck check, DateTimeOffset now)
    {
        foreach (var confirmation in SamlXml.Children(subject, SamlXml.Assertion, "SubjectConfirmation"))
        {
            var data = SamlXml.Child(confirmation, SamlXml.Assertion, "SubjectConfirmationData");
            if (data is null
                || !string.Equals(confirmation.GetAttribute("Method"), "urn:oasis:names:tc:SAML:2.0:cm:bearer", StringComparison.Ordinal)
                || !string.Equals(data.GetAttribute("Recipient"), check.AcsUrl, StringComparison.Ordinal)
                || Instant(data, "NotOnOrAfter") is not { } notOnOrAfter || now >= notOnOrAfter + Skew
                || (Instant(data, "NotBefore") is { } notBefore && now + Skew < notBefore)
                || !InResponseToMatches(data, check.RequestId))
            {
                continue;
            }

            return notOnOrAfter;
        }

        return null;
    }

    /// <summary>Core §2.5.1: the window must include now, and every AudienceRestriction must name this pool.</summary>
    private static string? CheckConditions(XmlElement? conditions, string poolId, DateTimeOffset now)
    {
        if (conditions is null)
        {
            return SamlMessages.WrongAudience;
        }

        if (Instant(conditions, "NotBefore") is { } notBefore && now + Skew < notBefore)
        {
            return SamlMessages.NotYetValid;
        }

        if (Instant(conditions, "NotOnOrAfter") is { } notOnOrAfter && now >= notOnOrAfter + Skew)
        {
            return SamlMessages.Expired;
        }

        var restrictions = SamlXml.Children(conditions, SamlXml.Assertion, "AudienceRestriction").ToList();
        var audience = SamlServiceProvider.EntityId(poolId);
        return restrictions.Count > 0 && restrictions.All(r => SamlXml.Children(r, SamlXml.Assertion, "Audience")
            .Any(a => string.Equals(SamlXml.PlainText(a), audience, StringComparison.Ordinal)))
                ? null
                : SamlMessages.WrongAudience;
    }

    /// <summary>An attribute that is present must parse as an xs:dateTime; a malformed one counts as expired (MinValue/MaxValue).</summary>
    private static DateTimeOffset? Instant(XmlElement element, string name)
    {
        if (element.GetAttributeNode(name)?.Value is not { } text)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : name.StartsWith("NotBefore", StringComparison.Ordinal) ? DateTimeOffset.MaxValue - Skew : DateTimeOffset.MinValue;
    }

    private static bool InResponseToMatches(XmlElement element, string? requestId) =>
        element.GetAttributeNode("InResponseTo")?.Value is { } inResponseTo
            ? requestId is not null && string.Equals(inResponseTo, requestId, StringComparison.Ordinal)
            : element.LocalName == "SubjectConfirmationData" || requestId is null;

    /// <summary>The assertion's attributes by Name; values that are not plain text are left out.</summary>
    private static Dictionary<string, string> Attributes(XmlElement assertion)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var statement in SamlXml.Children(assertion, SamlXml.Assertion, "AttributeStatement"))
        {
            foreach (var attribute in SamlXml.Children(statement, SamlXml.Assertion, "Attribute"))
            {
                var values = SamlXml.Children(attribute, SamlXml.Assertion, "AttributeValue")
                    .Select(SamlXml.PlainText).OfType<string>().ToList();
                if (attribute.GetAttribute("Name") is { Length: > 0 } name && values.Count > 0)
                {
                    attributes[name] = string.Join(',', values);
                }
            }
        }

        return attributes;
    }

    /// <summary>Any two elements with the same ID (SignedXml resolves <c>ID</c>, <c>Id</c> and <c>id</c>).</summary>
    private static bool HasDuplicateIds(XmlDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.GetElementsByTagName("*").OfType<XmlElement>())
        {
            foreach (var name in (string[])["ID", "Id", "id"])
            {
                if (element.GetAttributeNode(name)?.Value is { } id && !seen.Add(id))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
