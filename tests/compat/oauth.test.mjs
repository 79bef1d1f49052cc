// The OAuth 2.0 / OIDC endpoints of a pool domain through openid-client (a certified relying-party library):
// discovery at the issuer, authorization code with PKCE (the hosted sign-in form driven with plain fetch and a
// cookie jar, no browser), refresh, userinfo, revocation and logout; and client_credentials with a resource
// server's custom scope, for a client created through the JS SDK v3.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as oidc from 'openid-client';
import { useServer } from './lib/server.mjs';

const server = useServer();
const CALLBACK = 'https://rp.example.com/callback';
const SIGNED_OUT = 'https://rp.example.com/bye';
const PASSWORD = 'Passw0rd!oidc';

/** A pool with a prefix domain, a public OAuth client and a confirmed user. */
async function setup({ secret = false } = {}) {
  const cognito = server.client();
  const suffix = Math.random().toString(36).slice(2, 10);
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: `oidc-${suffix}` }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id,
    ClientName: 'rp',
    GenerateSecret: secret,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [CALLBACK],
    LogoutURLs: [SIGNED_OUT],
    SupportedIdentityProviders: ['COGNITO'],
  }));
  const domain = `rp-${suffix}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  const username = `user-${suffix}`;
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: UserPool.Id, Username: username, MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
  }));
  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: UserPool.Id, Username: username, Password: PASSWORD, Permanent: true,
  }));
  return { cognito, poolId: UserPool.Id, client: UserPoolClient, domain, username };
}

async function discover(poolId, clientId, secret) {
  return oidc.discovery(new URL(`${server.endpoint}/${poolId}`), clientId,
    secret ? { client_secret: secret } : undefined,
    secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] });
}

/** A browser without JavaScript: follows the authorize redirect to /login and posts the form with its cookies. */
async function signInOnForm(authorizeUrl, username, password) {
  const jar = new Map();
  const remember = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const toLogin = await fetch(authorizeUrl, { redirect: 'manual' });
  assert.equal(toLogin.status, 302, await toLogin.text());
  const loginUrl = new URL(toLogin.headers.get('location'), authorizeUrl);
  const page = await fetch(loginUrl, { headers: { cookie: cookie() } });
  remember(page);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.set(decodeHtml(name), decodeHtml(value));
  }
  form.set('username', username);
  form.set('password', password);
  const action = new URL(decodeHtml(html.match(/<form method="post" action="([^"]*)"/)[1]), loginUrl);
  const posted = await fetch(action, {
    method: 'POST', redirect: 'manual', body: form,
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(posted.status, 302, await posted.text());
  return new URL(posted.headers.get('location'));
}

function decodeHtml(text) {
  return text.replace(/&#x([0-9A-F]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

test('openid-client: discovery, authorization code with PKCE, refresh, userinfo, revocation and logout', async () => {
  const { poolId, client, username } = await setup();
  const config = await discover(poolId, client.ClientId);
  assert.equal(config.serverMetadata().issuer, `${server.endpoint}/${poolId}`);

  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizeUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const callback = await signInOnForm(authorizeUrl, username, PASSWORD);
  assert.equal(`${callback.origin}${callback.pathname}`, CALLBACK);

  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
  });
  const claims = tokens.claims();
  assert.equal(claims['cognito:username'], username);
  assert.equal(claims.nonce, nonce);
  assert.ok(tokens.refresh_token);

  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(info.email, `${username}@example.com`);

  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
  assert.ok(refreshed.access_token);
  assert.equal(refreshed.claims().sub, claims.sub);

  await oidc.tokenRevocation(config, tokens.refresh_token);
  await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token), (error) => error.error === 'invalid_grant');

  const logout = oidc.buildEndSessionUrl(config, { client_id: client.ClientId, logout_uri: SIGNED_OUT });
  const answer = await fetch(logout, { redirect: 'manual' });
  assert.equal(answer.status, 302);
  assert.equal(answer.headers.get('location'), SIGNED_OUT);
});

test('openid-client: client_credentials with a resource server scope, client made with the SDK', async () => {
  const { cognito, poolId, domain } = await setup();
  await cognito.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: 'orders', Name: 'Orders API',
    Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read orders' }],
  }));
  const { UserPoolClient: m2m } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: 'worker', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders/read'],
  }));
  const described = await cognito.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
  assert.equal(described.DomainDescription.UserPoolId, poolId);

  const config = await discover(poolId, m2m.ClientId, m2m.ClientSecret);
  const grant = await oidc.clientCredentialsGrant(config, { scope: 'orders/read' });
  const payload = JSON.parse(Buffer.from(grant.access_token.split('.')[1], 'base64url').toString());
  assert.equal(payload.scope, 'orders/read');
  assert.equal(payload.client_id, m2m.ClientId);
  assert.equal(grant.refresh_token, undefined);
  await assert.rejects(oidc.clientCredentialsGrant(config, { scope: 'orders/write' }),
    (error) => error.error === 'invalid_scope');
});
