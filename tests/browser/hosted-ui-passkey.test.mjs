// The hosted UI's passkey sign-in in chromium with the DevTools virtual authenticator (CTAP2, internal, resident
// keys, user verification): a passkey is registered through StartWebAuthnRegistration / CompleteWebAuthnRegistration
// with navigator.credentials.create() on a hosted page at http://localhost (relying-party id `localhost`), then the
// login page's "Sign in with a passkey" link, the username, and the passkey page's own script (/passkey.js, allowed by
// that page's CSP alone) end at the callback with a code that the token endpoint redeems. Pages go to
// artifacts/screenshots/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  InitiateAuthCommand,
  SetUserPoolMfaConfigCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startCallbackServer } from './lib/callback.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
const PASSWORD = 'Passk3y-Hosted-Passw0rd!';
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

async function passkeyPool() {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({
    PoolName: unique('hosted-passkey'),
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
  }));
  await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: UserPool.Id, WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  }));
  const domain = `d${randomBytes(6).toString('hex')}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const username = unique('pk');
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: UserPool.Id, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: UserPool.Id, Username: username, Password: PASSWORD, Permanent: true,
  }));
  // The hosted pages at localhost, so that the relying-party id `localhost` applies (browsers refuse IP addresses).
  const origin = server.endpoint.replace('127.0.0.1', 'localhost');
  return { cognito, poolId: UserPool.Id, clientId: UserPoolClient.ClientId, username, base: `${origin}/domains/${domain}` };
}

test('hosted UI: a passkey signs in from the login page through the passkey page and its script', async (t) => {
  const setup = await passkeyPool();
  const tab = await browser.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });

  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code', client_id: setup.clientId, redirect_uri: callback.url, scope: 'openid email profile',
    state: 'st-passkey', code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  await tab.goto(`${setup.base}/oauth2/authorize?${query}`);
  assert.match(new URL(tab.url()).pathname, /\/login$/, await tab.textContent('body'));

  // Register a passkey for the user, as an app would after a password sign-in.
  const signIn = await setup.cognito.send(new InitiateAuthCommand({
    AuthFlow: 'USER_PASSWORD_AUTH', ClientId: setup.clientId,
    AuthParameters: { USERNAME: setup.username, PASSWORD },
  }));
  const accessToken = signIn.AuthenticationResult.AccessToken;
  const { CredentialCreationOptions } = await setup.cognito.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
  const credential = await tab.evaluate(async (options) => {
    const created = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    return created.toJSON();
  }, CredentialCreationOptions);
  await setup.cognito.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential }));
  await screenshot(t, tab, 'hosted-ui-passkey', '01-login-with-passkey-link');

  await tab.getByRole('link', { name: 'Sign in with a passkey' }).click();
  await tab.getByLabel('Username').fill(setup.username);
  await tab.getByRole('button', { name: 'Continue' }).click();
  await tab.getByRole('button', { name: 'Use my passkey' }).waitFor();
  await screenshot(t, tab, 'hosted-ui-passkey', '02-passkey-page');
  const arrived = callback.next();
  await tab.getByRole('button', { name: 'Use my passkey' }).click();
  const url = await arrived;
  assert.equal(url.searchParams.get('state'), 'st-passkey');

  const tokens = await fetch(`${setup.base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: setup.clientId, code: url.searchParams.get('code'),
      redirect_uri: callback.url, code_verifier: verifier,
    }),
  });
  assert.equal(tokens.status, 200);
  const { id_token: idToken } = await tokens.json();
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString());
  assert.equal(claims['cognito:username'], setup.username);

  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1);
  assert.ok(credentials[0].signCount >= 1, 'the passkey signed the sign-in');
  await tab.close();
});
