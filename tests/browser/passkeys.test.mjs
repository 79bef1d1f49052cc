// Passkeys with Amplify v6 in chromium and the DevTools virtual authenticator (CTAP2, internal, resident keys,
// user verification): sign in with a password, associateWebAuthnCredential(), then sign in again with
// USER_AUTH / WEB_AUTHN, on a page at http://localhost whose relying-party id is `localhost`.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startAmplifyPage } from './lib/amplify-page.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
const PASSWORD = 'Passk3y-Passw0rd!';
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await startAmplifyPage();
});

after(async () => {
  await browser?.close();
  await page?.close();
});

async function passkeyPool() {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({
    PoolName: unique('pool'),
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } },
  }));
  await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: UserPool.Id, WebAuthnConfiguration: { RelyingPartyId: 'localhost', UserVerification: 'required' },
  }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'),
    ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const username = unique('pk');
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: UserPool.Id, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: UserPool.Id, Username: username, Password: PASSWORD, Permanent: true,
  }));
  return { cognito, poolId: UserPool.Id, clientId: UserPoolClient.ClientId, username };
}

test('Amplify v6 registers a passkey and signs in with USER_AUTH / WEB_AUTHN', async (t) => {
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
  await tab.goto(page.url);
  await tab.waitForFunction(() => window.gatehouse !== undefined);
  const config = {
    Cognito: { userPoolId: setup.poolId, userPoolClientId: setup.clientId, userPoolEndpoint: server.endpoint },
  };

  const result = await tab.evaluate(async ({ config, username, password }) => {
    const g = window.gatehouse;
    g.configure(config);
    const first = await g.signIn({ username, password });
    await g.associateWebAuthnCredential();
    const listed = await g.listWebAuthnCredentials();
    await g.signOut();
    const passkey = await g.signIn({ username, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' } });
    const session = await g.fetchAuthSession();
    const choice = (await g.signOut(), await g.signIn({ username, options: { authFlowType: 'USER_AUTH' } }));
    return {
      first: first.nextStep.signInStep,
      listed: listed.credentials.map((c) => ({ id: c.credentialId, rp: c.relyingPartyId })),
      passkey: passkey.nextStep.signInStep,
      signedIn: passkey.isSignedIn,
      idUsername: session.tokens?.idToken?.payload['cognito:username'],
      choice: choice.nextStep,
    };
  }, { config, username: setup.username, password: PASSWORD });
  await screenshot(t, tab, 'passkeys', 'signed-in');

  assert.equal(result.first, 'DONE');
  assert.equal(result.listed.length, 1);
  assert.equal(result.listed[0].rp, 'localhost');
  assert.equal(result.passkey, 'DONE');
  assert.equal(result.signedIn, true);
  assert.equal(result.idUsername, setup.username);
  assert.equal(result.choice.signInStep, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
  assert.deepEqual(result.choice.availableChallenges, ['WEB_AUTHN', 'PASSWORD', 'PASSWORD_SRP']);

  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1);
  assert.equal(Buffer.from(credentials[0].credentialId, 'base64').toString('base64url'), result.listed[0].id);
  assert.ok(credentials[0].signCount >= 1);
  await tab.close();
});
