namespace Gatehouse.Server.HostedUi;

/// <summary>
/// <c>GET /passkey.js</c>: the passkey page's only script, served from the pool domain so that the page's CSP
/// allows it with <c>script-src 'self'</c> (no inline script anywhere). It turns the page's
/// PublicKeyCredentialRequestOptions JSON into <c>navigator.credentials.get</c> arguments and the assertion back into
/// AuthenticationResponseJSON (W3C WebAuthn §5.1.4 and §5.1.3's JSON forms), which the form posts. Written by hand
/// because the conversion is a dozen lines and a bundled WebAuthn browser library would be the larger script.
/// </summary>
internal static class PasskeyScript
{
    public const string Source = """
        "use strict";
        (function () {
          var form = document.getElementById("passkey-form");
          var holder = document.getElementById("passkey-options");
          if (!form || !holder || !window.PublicKeyCredential) { return; }
          function bytes(text) {
            var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
            base64 += "====".slice((base64.length % 4) || 4);
            return Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
          }
          function text(buffer) {
            var binary = "";
            new Uint8Array(buffer).forEach(function (b) { binary += String.fromCharCode(b); });
            return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          }
          async function sign() {
            var options = JSON.parse(holder.dataset.options);
            var publicKey = {
              challenge: bytes(options.challenge),
              rpId: options.rpId,
              timeout: options.timeout,
              userVerification: options.userVerification,
              allowCredentials: (options.allowCredentials || []).map(function (c) {
                return { type: c.type, id: bytes(c.id), transports: c.transports };
              })
            };
            try {
              var credential = await navigator.credentials.get({ publicKey: publicKey });
              var response = credential.response;
              form.elements.credential.value = JSON.stringify({
                id: credential.id,
                rawId: text(credential.rawId),
                type: credential.type,
                authenticatorAttachment: credential.authenticatorAttachment || undefined,
                clientExtensionResults: credential.getClientExtensionResults(),
                response: {
                  clientDataJSON: text(response.clientDataJSON),
                  authenticatorData: text(response.authenticatorData),
                  signature: text(response.signature),
                  userHandle: response.userHandle ? text(response.userHandle) : undefined
                }
              });
            } catch (e) {
              form.elements.credential.value = "";
            }
            form.submit();
          }
          form.addEventListener("submit", function (event) {
            if (!form.elements.credential.value) {
              event.preventDefault();
              sign();
            }
          });
        })();
        """;

    public static IResult Get() => Results.Text(Source, "text/javascript; charset=utf-8");
}
