// An upstream OpenID provider for the federation tests: node `oidc-provider` (panva's maintained OP, not Gatehouse
// code) on 127.0.0.1 with its development login and consent pages. Any login name signs in; the account's claims are
// sub = the login name, email = <login>@upstream.test (verified), name = "Una Upstream".
import http from 'node:http';
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

// Listening starts before the provider is configured (configure()), so its issuer can go into the Gatehouse
// server's settings and the Gatehouse server's port into the provider's redirect_uris.
export async function startOidcUpstream() {
  let handler = (request, response) => {
    response.writeHead(503);
    response.end();
  };
  const server = http.createServer((request, response) => handler(request, response));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    issuer,
    async configure(clients) {
      handler = (await createProvider(issuer, clients)).callback();
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

async function createProvider(issuer, { clientId, clientSecret, redirectUris }) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'upstream-1', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [jwk] },
    cookies: { keys: ['federation-browser-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@upstream.test`, email_verified: true, name: 'Una Upstream' };
        },
      };
    },
  });
  provider.on('server_error', (ctx, error) => console.error('oidc-provider server_error', error));
  return provider;
}

/** Signs in on oidc-provider's development pages (login, then consent) as `login`. */
export async function signInUpstream(page, login, shot) {
  await page.locator('input[name="login"]').waitFor();
  await shot?.('upstream-login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).waitFor();
  await shot?.('upstream-consent');
  await page.getByRole('button', { name: 'Continue' }).click();
}
