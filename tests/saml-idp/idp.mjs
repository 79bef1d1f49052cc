// A SAML 2.0 identity provider for the browser tests, built with samlify (not Gatehouse code): an HTTP server on
// 127.0.0.1 with the HTTP-Redirect SSO endpoint /sso, which shows a login form, and /login, which answers with a
// page whose form posts the signed SAMLResponse and the RelayState to the SP's ACS (HTTP-POST binding).
//
//   import { startSamlIdp } from '../saml-idp/idp.mjs';
//   const idp = await startSamlIdp();          // idp.metadata: give it to CreateIdentityProvider (MetadataFile)
//   idp.trustSp(spMetadataXml);                // the SP's /saml2/metadata
//   ... await idp.close();
//
// The key and certificate (idp-key.pem, idp-cert.pem) are test fixtures made with openssl for this stand-in only.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as samlify from 'samlify';

const here = path.dirname(fileURLToPath(import.meta.url));
const MAX_BODY = 64 * 1024;

// samlify asks for an XML schema validator before parsing; the SP's requests are Gatehouse's own, and the checks
// under test are Gatehouse's checks of the IdP's responses, so parsing here is not validated against the schema.
samlify.setSchemaValidator({ validate: async () => 'skipped' });

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`
    + '<style>body{font-family:sans-serif;margin:2em;background:#fdf6e3}label,input,button{display:block;margin:.5em 0}'
    + 'h1{color:#b58900}</style></head>'
    + `<body><h1>Test SAML IdP</h1>${body}</body></html>`;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startSamlIdp() {
  const privateKey = readFileSync(path.join(here, 'idp-key.pem'), 'utf8');
  const signingCert = readFileSync(path.join(here, 'idp-cert.pem'), 'utf8');
  let idp;
  let sp;
  const server = http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === '/sso') {
        // Parse (and so check) the AuthnRequest before showing the form; its fields travel on as hidden inputs.
        const query = Object.fromEntries(url.searchParams);
        const { extract } = await idp.parseLoginRequest(sp, 'redirect', { query, octetString: '' });
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page('Sign in', `<p>Request ${escapeHtml(extract.request.id)} from ${escapeHtml(extract.issuer)}</p>`
          + '<form method="post" action="/login">'
          + `<input type="hidden" name="SAMLRequest" value="${escapeHtml(query.SAMLRequest)}">`
          + `<input type="hidden" name="RelayState" value="${escapeHtml(query.RelayState ?? '')}">`
          + '<label for="email">Email</label><input id="email" name="email" type="email" required>'
          + '<button type="submit">Sign in to the IdP</button></form>'));
        return;
      }
      if (request.method === 'POST' && url.pathname === '/login') {
        const form = new URLSearchParams(await readBody(request));
        const query = { SAMLRequest: form.get('SAMLRequest'), RelayState: form.get('RelayState') };
        const { extract } = await idp.parseLoginRequest(sp, 'redirect', { query, octetString: '' });
        const email = form.get('email');
        const answer = await idp.createLoginResponse(
          sp, { extract }, 'post', { email }, undefined, false, form.get('RelayState'));
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page('Continue', `<p>Signed in as ${escapeHtml(email)}</p>`
          + `<form method="post" action="${escapeHtml(answer.entityEndpoint)}">`
          + `<input type="hidden" name="SAMLResponse" value="${escapeHtml(answer.context)}">`
          + `<input type="hidden" name="RelayState" value="${escapeHtml(form.get('RelayState') ?? '')}">`
          + '<button type="submit">Continue to the application</button></form>'));
        return;
      }
      response.writeHead(404).end();
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`IdP error: ${error.message ?? error}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  idp = samlify.IdentityProvider({
    entityID: `${base}/metadata`,
    privateKey,
    signingCert,
    wantAuthnRequestsSigned: false,
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${base}/sso` }],
  });
  return {
    url: base,
    entityID: `${base}/metadata`,
    metadata: idp.getMetadata(),
    /** The SP this IdP answers: built from its metadata (entity id, ACS, whether it wants assertions signed). */
    trustSp(metadataXml) {
      sp = samlify.ServiceProvider({ metadata: metadataXml });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
