// The hosted UI in chromium, as a user meets it: authorize → sign up → confirm with the emailed code → back at the
// relying party with a code → token exchange → a verified ID token; then forgotten password, a temporary password
// (new password required) and an error page. Every page is saved to artifacts/screenshots/ (listed in the output).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startCallbackServer } from './lib/callback.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { solidPng } from './lib/png.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
const PASSWORD = 'Br0wser-Passw0rd!';
const NEW_PASSWORD = 'N3w-Br0wser-Pass!';
let browser;
let callback;

before(async () => {
  browser = await launch();
  callback = await startCallbackServer();
});

after(async () => {
  await browser?.close();
  await callback?.close();
});

/** A pool that emails codes, with a domain, a logo and CSS, and a public code-flow client calling back to the test. */
async function hostedSetup() {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({
    PoolName: unique('pool'), AutoVerifiedAttributes: ['email'],
  }));
  const domain = `d${randomBytes(6).toString('hex')}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['COGNITO'],
  }));
  await cognito.send(new SetUICustomizationCommand({
    UserPoolId: UserPool.Id, ImageFile: solidPng(160, 60, [10, 125, 59]),
    CSS: '.banner-customizable { background-color: #e8f5ec; }',
  }));
  return {
    cognito,
    poolId: UserPool.Id,
    clientId: UserPoolClient.ClientId,
    base: `${server.endpoint}/domains/${domain}`,
  };
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

/** The newest 6-digit code sent to `email`, from the dev outbox (polled: delivery may lag the page by a moment). */
async function codeFor(email, count = 1) {
  for (let i = 0; i < 50; i += 1) {
    const messages = await server.outbox(email);
    if (messages.length >= count) {
      return [...messages.at(-1).body.matchAll(/(?<!\d)(\d{6})(?!\d)/g)].at(-1)[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code reached ${email}`);
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

async function assertBranded(page) {
  const logo = await page.evaluate(() => document.querySelector('img.logo')?.naturalWidth ?? 0);
  assert.equal(logo, 160, 'the pool logo from SetUICustomization is shown');
}

test('sign up → confirm with the emailed code → redirect with a code → tokens with a verified ID token', async (t) => {
  const setup = await hostedSetup();
  const { verifier, challenge } = pkce();
  const page = await browser.newPage();
  const username = unique('web');
  const email = `${username}@example.com`;

  await page.goto(authorizeUrl(setup, challenge, 'st-signup'));
  assert.match(new URL(page.url()).pathname, /\/login$/);
  await assertBranded(page);
  await screenshot(t, page, 'hosted-ui', '01-sign-in');

  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.waitForURL(/\/signup\?/);
  await screenshot(t, page, 'hosted-ui', '02-sign-up');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await page.getByLabel('Verification code').waitFor();
  await screenshot(t, page, 'hosted-ui', '03-confirm');
  await page.getByLabel('Verification code').fill(await codeFor(email));
  const arrived = callback.next();
  await page.getByRole('button', { name: 'Confirm account' }).click();
  const redirect = await arrived;
  assert.equal(redirect.searchParams.get('state'), 'st-signup');

  const tokens = await exchange(setup, redirect.searchParams.get('code'), verifier);
  const jwks = createRemoteJWKSet(new URL(`${server.endpoint}/${setup.poolId}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(tokens.id_token, jwks, {
    issuer: `${server.endpoint}/${setup.poolId}`, audience: setup.clientId,
  });
  assert.equal(payload['cognito:username'], username);
  assert.equal(payload.email, email);
  assert.equal(payload.token_use, 'id');
  await page.close();
});

test('forgot password → code and new password → sign in with it', async (t) => {
  const setup = await hostedSetup();
  const username = unique('forgetful');
  const email = `${username}@example.com`;
  const temporary = unique('temporary');
  for (const name of [username, temporary]) {
    await setup.cognito.send(new AdminCreateUserCommand({
      UserPoolId: setup.poolId, Username: name, MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }, { Name: 'email_verified', Value: 'true' }],
    }));
  }
  // Cognito resets only confirmed users' passwords; the other one keeps its temporary password.
  await setup.cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: setup.poolId, Username: username, Password: PASSWORD, Permanent: true,
  }));
  const { verifier, challenge } = pkce();
  const page = await browser.newPage();

  // A temporary password: the new-password form.
  await page.goto(authorizeUrl(setup, challenge, 'st-temp'));
  await page.getByLabel('Username').fill(temporary);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('New password', { exact: true }).waitFor();
  await screenshot(t, page, 'hosted-ui', '06-new-password-required');

  // Then the forgotten-password path from the sign-in page.
  await page.goto(authorizeUrl(setup, challenge, 'st-forgot'));
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.waitForURL(/\/forgotPassword\?/);
  await screenshot(t, page, 'hosted-ui', '04-forgot-password');
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Reset my password' }).click();
  await page.getByLabel('Verification code').waitFor();
  await screenshot(t, page, 'hosted-ui', '05-confirm-forgot-password');
  await page.getByLabel('Verification code').fill(await codeFor(email));
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Enter new password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL(/\/login\?/);

  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  const arrived = callback.next();
  await page.getByRole('button', { name: 'Sign in' }).click();
  const redirect = await arrived;
  assert.equal(redirect.searchParams.get('state'), 'st-forgot');
  const tokens = await exchange(setup, redirect.searchParams.get('code'), verifier);
  assert.equal(typeof tokens.access_token, 'string');
  await page.close();
});

test('an authorize request with an unknown client shows the error page', async (t) => {
  const setup = await hostedSetup();
  const page = await browser.newPage();
  const response = await page.goto(`${setup.base}/oauth2/authorize?response_type=code&client_id=nosuchclient&redirect_uri=${encodeURIComponent(callback.url)}`);
  assert.equal(response.status() >= 400, true);
  assert.match(await page.textContent('main'), /client/i);
  await screenshot(t, page, 'hosted-ui', '07-error');
  await page.close();
});
