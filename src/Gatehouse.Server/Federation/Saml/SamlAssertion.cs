namespace Gatehouse.Server.Federation.Saml;

/// <summary>
/// What a verified assertion says: the subject (NameID, the whole text), the attributes by their SAML names (several
/// values of one attribute joined with commas) and the IdP's entity id (the identities entry's issuer).
/// </summary>
internal sealed record SamlAssertion(string NameId, IReadOnlyDictionary<string, string> Attributes, string Issuer);
