// Signing in through an OIDC provider in chromium: the hosted UI's "Sign in with <name>" button → the upstream's
// login and consent pages → back at /oauth2/idpresponse → a code at the relying party → tokens whose ID token names
// the federated user (<Name>_<sub>, identities, the <poolId>_<Name> group). Upstreams: (a) node oidc-provider as a
// generic OIDC IdP, (b) the same stand-in as "Google" through the instance setting for Google's endpoints, and
// (c) a second Gatehouse pool on the same server. Every page is saved to artifacts/screenshots/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startCallbackServer } from './lib/callback.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { signInUpstream, startOidcUpstream } from './lib/oidc-upstream.mjs';
import { startServer, unique } from '../compat/lib/server.mjs';

const UPSTREAM_CLIENT = 'gatehouse-federation';
const UPSTREAM_SECRET = randomBytes(24).toString('hex');
const PASSWORD = 'Br0wser-Passw0rd!';
let browser;
let callback;
let upstream;
let server;
// The domain of the pool that federates; its /oauth2/idpresponse is registered at the upstream before it exists.
const domain = `d${randomBytes(6).toString('hex')}`;

before(async () => {
  browser = await launch();
  callback = await startCallbackServer();
  // The upstream listens first (its issuer goes into the server's settings); it learns the server's redirect_uri after.
  upstream = await startOidcUpstream();
  server = await startServer({
    env: {
      // (b) Google's endpoints pointed at the stand-in (the instance setting for tests without internet).
      Gatehouse__Federation__Endpoints__Google__oidc_issuer: upstream.issuer,
      Gatehouse__Federation__Endpoints__Google__authorize_url: `${upstream.issuer}/auth`,
      Gatehouse__Federation__Endpoints__Google__token_url: `${upstream.issuer}/token`,
      Gatehouse__Federation__Endpoints__Google__attributes_url: `${upstream.issuer}/me`,
      Gatehouse__Federation__Endpoints__Google__jwks_uri: `${upstream.issuer}/jwks`,
    },
  });
  await upstream.configure({
    clientId: UPSTREAM_CLIENT, clientSecret: UPSTREAM_SECRET,
    redirectUris: [`${server.endpoint}/domains/${domain}/oauth2/idpresponse`],
  });
}, { timeout: 120_000 });

after(async () => {
  await browser?.close();
  await callback?.close();
  await upstream?.close();
  await server?.stop();
});

/** The federating pool: its domain, a public code-flow client supporting COGNITO and `providers`. */
async function federatingPool(cognito, providers) {
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({
    PoolName: unique('fed'),
    Schema: [{ Name: 'name', AttributeDataType: 'String', Mutable: true }],
  }));
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  for (const provider of providers) {
    await cognito.send(new CreateIdentityProviderCommand({ UserPoolId: UserPool.Id, ...provider }));
  }
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['COGNITO', ...providers.map((p) => p.ProviderName)],
  }));
  return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, base: `${server.endpoint}/domains/${domain}` };
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(setup, challenge, state) {
  const query = new URLSearchParams({
    response_type: 'code', client_id: setup.clientId, redirect_uri: callback.url, scope: 'openid email profile',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  return `${setup.base}/oauth2/authorize?${query}`;
}

async function exchange(setup, code, verifier) {
  const response = await fetch(`${setup.base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: setup.clientId, code, redirect_uri: callback.url, code_verifier: verifier,
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

/** Clicks "Sign in with <name>" on the hosted login page, runs `upstreamSignIn`, and returns the verified ID token. */
async function federatedSignIn(t, setup, name, suite, upstreamSignIn) {
  const { verifier, challenge } = pkce();
  const page = await browser.newPage();
  const shot = (step) => screenshot(t, page, 'federation-oidc', `${suite}-${step}`);
  const state = `st-${suite}`;
  await page.goto(authorizeUrl(setup, challenge, state));
  await page.getByRole('link', { name: `Sign in with ${name}` }).waitFor();
  await shot('login');
  await page.getByRole('link', { name: `Sign in with ${name}` }).click();
  await upstreamSignIn(page, shot);
  const redirect = await callback.next(15_000);
  await shot('callback');
  assert.equal(redirect.searchParams.get('state'), state, redirect.toString());
  assert.ok(redirect.searchParams.get('code'), redirect.toString());
  const tokens = await exchange(setup, redirect.searchParams.get('code'), verifier);
  const issuer = `${new URL(setup.base).origin}/${setup.poolId}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer, audience: setup.clientId });
  await page.close();
  return payload;
}

function assertFederated(payload, setup, name, type, subject) {
  assert.equal(payload['cognito:username'], `${name}_${subject}`);
  assert.ok(payload['cognito:groups'].includes(`${setup.poolId}_${name}`), JSON.stringify(payload['cognito:groups']));
  const identities = payload.identities;
  assert.equal(identities.length, 1);
  assert.equal(identities[0].userId, subject);
  assert.equal(identities[0].providerName, name);
  assert.equal(identities[0].providerType, type);
  assert.equal(payload.token_use, 'id');
}

test('(a) oidc-provider as a generic OIDC IdP, then (b) the same stand-in as Google', { timeout: 90_000 }, async (t) => {
  const cognito = server.client();
  const details = {
    client_id: UPSTREAM_CLIENT, client_secret: UPSTREAM_SECRET, authorize_scopes: 'openid email profile',
    attributes_request_method: 'GET', oidc_issuer: upstream.issuer,
  };
  const setup = await federatingPool(cognito, [
    {
      ProviderName: 'Upstream', ProviderType: 'OIDC', ProviderDetails: details,
      AttributeMapping: { email: 'email', name: 'name' },
    },
    {
      ProviderName: 'Google', ProviderType: 'Google',
      ProviderDetails: { client_id: UPSTREAM_CLIENT, client_secret: UPSTREAM_SECRET, authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email' },
    },
  ]);

  const generic = await federatedSignIn(t, setup, 'Upstream', 'generic', (page, shot) => signInUpstream(page, 'una', shot));
  assertFederated(generic, setup, 'Upstream', 'OIDC', 'una');
  assert.equal(generic.email, 'una@upstream.test');
  assert.equal(generic.name, 'Una Upstream');

  // Signed out of the pool (its session cookie gone) but not of the upstream, which remembers the browser's session
  // and consent: after the button only its redirect back remains.
  await browser.context.clearCookies({ name: 'gatehouse-session' });
  const google = await federatedSignIn(t, setup, 'Google', 'google', async () => {});
  assertFederated(google, setup, 'Google', 'Google', 'una');
  assert.notEqual(google.sub, generic.sub);
});

test('(c) a second Gatehouse pool as the OIDC IdP, with its own hosted login', { timeout: 90_000 }, async (t) => {
  const cognito = server.client();
  const fedDomain = `d${randomBytes(6).toString('hex')}`;
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('fed2') }));
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: fedDomain }));
  // Cognito takes plain-http callback URLs only on localhost: the federating pool is reached as localhost (chromium
  // maps it to 127.0.0.1), so its /oauth2/idpresponse is a valid callback of the IdP pool's client.
  const base = `${server.endpoint.replace('127.0.0.1', 'localhost')}/domains/${fedDomain}`;

  // The IdP pool: a confidential client calling back to the federating pool's /oauth2/idpresponse, and a user.
  const { UserPool: idp } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('idp') }));
  const idpDomain = `d${randomBytes(6).toString('hex')}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: idp.Id, Domain: idpDomain }));
  const { UserPoolClient: idpClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: idp.Id, ClientName: unique('federation'), GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [`${base}/oauth2/idpresponse`], SupportedIdentityProviders: ['COGNITO'],
  }));
  const username = unique('ivy');
  const { User } = await cognito.send(new AdminCreateUserCommand({
    UserPoolId: idp.Id, Username: username, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: `${username}@idp.test` }, { Name: 'email_verified', Value: 'true' }],
  }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: idp.Id, Username: username, Password: PASSWORD, Permanent: true }));
  const idpSub = User.Attributes.find((a) => a.Name === 'sub').Value;

  await cognito.send(new CreateIdentityProviderCommand({
    UserPoolId: UserPool.Id, ProviderName: 'PoolIdp', ProviderType: 'OIDC',
    ProviderDetails: {
      client_id: idpClient.ClientId, client_secret: idpClient.ClientSecret, authorize_scopes: 'openid email profile',
      attributes_request_method: 'GET', oidc_issuer: `${server.endpoint}/${idp.Id}`,
    },
    AttributeMapping: { email: 'email' },
  }));
  // Only the IdP: the federating pool's login page shows its button and no password form.
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['PoolIdp'],
  }));
  const setup = { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, base };

  const payload = await federatedSignIn(t, setup, 'PoolIdp', 'pool', async (page, shot) => {
    await page.getByLabel('Username').waitFor();
    assert.ok(page.url().startsWith(`${server.endpoint}/domains/${idpDomain}/login?`), page.url());
    await shot('idp-login');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });
  assertFederated(payload, setup, 'PoolIdp', 'OIDC', idpSub);
  assert.equal(payload.email, `${username}@idp.test`);
});
