// The hosted UI's MFA pages in chromium: TOTP setup with the QR code and the secret in text on a pool that requires
// MFA, then a sign-in with an authenticator code; the choice between SMS and TOTP, then an SMS code from the dev
// outbox. Each MFA page is saved to artifacts/screenshots/ (listed in the output). TOTP codes are computed here
// (RFC 6238, HMAC-SHA1, 6 digits, 30 s), as an authenticator app would.
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  InitiateAuthCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startCallbackServer } from './lib/callback.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
const PASSWORD = 'Br0wser-Passw0rd!';
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

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

/** The TOTP code of `secret` (base32) for the 30-second step `offset` steps from now. */
function totp(secret, offset = 0) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + offset));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const at = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function mfaSetup(mfa, sms) {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('mfa-pool') }));
  const domain = `d${randomBytes(6).toString('hex')}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: UserPool.Id, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: true },
    ...(sms ? {
      SmsMfaConfiguration: {
        SmsAuthenticationMessage: 'Sign-in code {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' },
      },
    } : {}),
  }));
  return { cognito, poolId: UserPool.Id, clientId: UserPoolClient.ClientId, base: `${server.endpoint}/domains/${domain}` };
}

async function createUser(setup, username, attributes = []) {
  await setup.cognito.send(new AdminCreateUserCommand({
    UserPoolId: setup.poolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD,
    UserAttributes: attributes,
  }));
  await setup.cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: setup.poolId, Username: username, Password: PASSWORD, Permanent: true,
  }));
}

/** An authorize URL with prompt=login: the pages share chromium's cookies, and each test signs in afresh. */
function authorizeUrl(setup, state) {
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const query = new URLSearchParams({
    response_type: 'code', client_id: setup.clientId, redirect_uri: callback.url, scope: 'openid email profile', state,
    code_challenge: challenge, code_challenge_method: 'S256', prompt: 'login',
  });
  return `${setup.base}/oauth2/authorize?${query}`;
}

async function password(page, setup, username, state) {
  await page.goto(authorizeUrl(setup, state));
  assert.match(new URL(page.url()).pathname, /\/login$/, await page.textContent('body'));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function smsCode(phone) {
  for (let i = 0; i < 50; i += 1) {
    const messages = await server.outbox(phone);
    if (messages.length > 0) {
      return messages.at(-1).body.match(/(?<!\d)(\d{6})(?!\d)/)[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code reached ${phone}`);
}

test('MFA required: TOTP setup with the QR code and the secret, then a sign-in with an authenticator code', async (t) => {
  const setup = await mfaSetup('ON', false);
  const username = unique('totp');
  await createUser(setup, username);

  const page = await browser.newPage();
  await password(page, setup, username, 'st-setup');
  await page.getByLabel('Authenticator code').waitFor();
  const qrWidth = await page.evaluate(() => document.querySelector('img.qr')?.naturalWidth ?? 0);
  assert.ok(qrWidth > 100, 'the QR code is shown');
  const secret = (await page.textContent('#secret')).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await screenshot(t, page, 'hosted-ui-mfa', '01-totp-setup');
  await page.getByLabel('Authenticator code').fill(totp(secret));
  let arrived = callback.next();
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  assert.equal((await arrived).searchParams.get('state'), 'st-setup');
  await page.close();

  const again = await browser.newPage();
  await password(again, setup, username, 'st-totp');
  await again.getByLabel('Authenticator code').waitFor();
  await screenshot(t, again, 'hosted-ui-mfa', '02-totp-code');
  // The setup used this step's code; an authenticator shows the next one 30 s later (the window allows one step).
  await again.getByLabel('Authenticator code').fill(totp(secret, 1));
  arrived = callback.next();
  await again.getByRole('button', { name: 'Sign in' }).click();
  const redirect = await arrived;
  assert.equal(redirect.searchParams.get('state'), 'st-totp');
  assert.ok(redirect.searchParams.get('code'));
  await again.close();
});

test('two factors and none preferred: the choice page, then an SMS code from the outbox', async (t) => {
  const setup = await mfaSetup('OPTIONAL', true);
  const username = unique('both');
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await createUser(setup, username, [
    { Name: 'phone_number', Value: phone }, { Name: 'phone_number_verified', Value: 'true' },
  ]);
  // Register an authenticator through the API (no factor is on yet, so the password signs in).
  const { AuthenticationResult } = await setup.cognito.send(new InitiateAuthCommand({
    ClientId: setup.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD },
  }));
  const { SecretCode } = await setup.cognito.send(new AssociateSoftwareTokenCommand({
    AccessToken: AuthenticationResult.AccessToken,
  }));
  await setup.cognito.send(new VerifySoftwareTokenCommand({
    AccessToken: AuthenticationResult.AccessToken, UserCode: totp(SecretCode),
  }));
  await setup.cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: setup.poolId, Username: username,
    SMSMfaSettings: { Enabled: true, PreferredMfa: false },
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
  }));

  const page = await browser.newPage();
  await password(page, setup, username, 'st-sms');
  await page.getByRole('button', { name: 'Text message (SMS)' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Authenticator app' }).isVisible());
  await screenshot(t, page, 'hosted-ui-mfa', '03-choose-factor');
  await page.getByRole('button', { name: 'Text message (SMS)' }).click();
  await page.getByLabel('Code', { exact: true }).waitFor();
  assert.match(await page.textContent('main'), new RegExp(`\\*+${phone.slice(-4)}`));
  await screenshot(t, page, 'hosted-ui-mfa', '04-sms-code');
  await page.getByLabel('Code', { exact: true }).fill(await smsCode(phone));
  const arrived = callback.next();
  await page.getByRole('button', { name: 'Sign in' }).click();
  assert.equal((await arrived).searchParams.get('state'), 'st-sms');
  await page.close();
});
