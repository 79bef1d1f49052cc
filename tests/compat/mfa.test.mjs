// MFA with the real clients: amazon-cognito-identity-js 6.3.21 (TOTP setup with associateSoftwareToken →
// verifySoftwareToken → setUserMfaPreference, TOTP sign-in through totpRequired → sendMFACode, SMS sign-in through
// mfaRequired with the code from the dev outbox) and Amplify v6 (signIn → CONTINUE_SIGN_IN_WITH_TOTP_SETUP →
// confirmSignIn, and CONFIRM_SIGN_IN_WITH_EMAIL_CODE). Codes are made by otplib, as an authenticator app would.
// The server runs on the real clock and accepts each 30-second step once per user, so a sign-in right after a
// verification answers with the next step's code, which the ±1 step window accepts (no sleeping for a new step).
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { confirmSignIn, signIn } from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { authenticator } from 'otplib';
import { AsyncMapStorage, MapStorage, authSetup, codeFor } from './lib/auth.mjs';
import { GOOD_PASSWORD, createUser, uniqueEmail } from './lib/builders.mjs';
import { useServer } from './lib/server.mjs';

const server = useServer();
const SNS_ROLE = 'arn:aws:iam::123456789012:role/sns';
const SES_IDENTITY = 'arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com';
ConsoleLogger.LOG_LEVEL = 'ERROR';

let storage = new AsyncMapStorage();
beforeEach(() => {
  storage = new AsyncMapStorage();
});

/** A pool (email sent by a DEVELOPER identity when `email`), a public client, and its MFA configuration. */
async function mfaSetup({ mfa, sms = false, totp = false, email = false }) {
  const cognito = server.client();
  const pool = email ? { EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: SES_IDENTITY } } : {};
  const setup = await authSetup(cognito, { pool });
  await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: setup.poolId,
    MfaConfiguration: mfa,
    SmsMfaConfiguration: sms ? { SmsAuthenticationMessage: 'Code {####}', SmsConfiguration: { SnsCallerArn: SNS_ROLE } } : undefined,
    SoftwareTokenMfaConfiguration: totp ? { Enabled: true } : undefined,
    EmailMfaConfiguration: email ? { Message: 'Code {####}', Subject: 'Sign-in code' } : undefined,
  }));
  return { ...setup, cognito };
}

/** A CONFIRMED user with the password GOOD_PASSWORD and these extra attributes. */
async function confirmedUser(cognito, poolId, attributes = []) {
  const username = `mfa${Math.random().toString(36).slice(2, 10)}`;
  const email = uniqueEmail(username);
  await createUser(cognito, poolId, {
    Username: username,
    TemporaryPassword: GOOD_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }, ...attributes],
  });
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  return { username, email };
}

function identityUser(poolId, clientId, username) {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: new MapStorage() });
  return new CognitoUser({ Username: username, Pool: pool, Storage: pool.storage });
}

/** authenticateUser → `{ session }` or `{ challenge, parameters }` for the MFA callbacks. */
function authenticate(user) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: GOOD_PASSWORD }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      mfaRequired: (challenge, parameters) => resolve({ challenge, parameters }),
      totpRequired: (challenge, parameters) => resolve({ challenge, parameters }),
      mfaSetup: (challenge, parameters) => resolve({ challenge, parameters }),
      selectMFAType: (challenge, parameters) => resolve({ challenge, parameters }),
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
    });
  });
}

function sendMfaCode(user, code, type) {
  return new Promise((resolve, reject) => user.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, type));
}

/** The authenticator's code for the step after the current one. */
function nextCode(secret) {
  return authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
}

test('identity-js: TOTP setup by access token, then a sign-in asks SOFTWARE_TOKEN_MFA', async () => {
  const { cognito, poolId, clientId } = await mfaSetup({ mfa: 'OPTIONAL', totp: true });
  const { username } = await confirmedUser(cognito, poolId);
  const user = identityUser(poolId, clientId, username);
  assert.ok((await authenticate(user)).session, 'no MFA before a factor is on');

  const secret = await new Promise((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));
  const verified = await new Promise((resolve, reject) =>
    user.verifySoftwareToken(authenticator.generate(secret), 'test phone', { onSuccess: resolve, onFailure: reject }));
  await new Promise((resolve, reject) =>
    user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, (err, result) => (err ? reject(err) : resolve(result))));
  const admin = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));

  const again = identityUser(poolId, clientId, username);
  const challenge = await authenticate(again);
  const session = await sendMfaCode(again, nextCode(secret), 'SOFTWARE_TOKEN_MFA');

  assert.equal(verified.Status, 'SUCCESS');
  assert.equal(admin.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');
  assert.deepEqual(admin.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
  assert.equal(challenge.challenge, 'SOFTWARE_TOKEN_MFA');
  assert.ok(session.getAccessToken().getJwtToken());
});

test('identity-js: SMS_MFA with the code from the dev outbox (mfaRequired → sendMFACode)', async () => {
  const { cognito, poolId, clientId } = await mfaSetup({ mfa: 'OPTIONAL', sms: true });
  const phone = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const { username } = await confirmedUser(cognito, poolId, [{ Name: 'phone_number', Value: phone }]);
  await cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: poolId, Username: username, SMSMfaSettings: { Enabled: true, PreferredMfa: true },
  }));

  const user = identityUser(poolId, clientId, username);
  const challenge = await authenticate(user);
  const code = await codeFor(server, phone);
  const session = await sendMfaCode(user, code);

  assert.equal(challenge.challenge, 'SMS_MFA');
  assert.equal(challenge.parameters.CODE_DELIVERY_DELIVERY_MEDIUM, 'SMS');
  assert.equal(challenge.parameters.CODE_DELIVERY_DESTINATION, `+*******${phone.slice(-4)}`);
  assert.ok(session.getIdToken().getJwtToken());
});

/** Points Amplify at the pool, with this test's storage (as amplify.test.mjs does). */
function configure(poolId, clientId) {
  const auth = { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.endpoint } };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
}

test('Amplify v6: signIn → CONTINUE_SIGN_IN_WITH_TOTP_SETUP → confirmSignIn', async () => {
  const { cognito, poolId, clientId } = await mfaSetup({ mfa: 'ON', totp: true });
  const { username } = await confirmedUser(cognito, poolId);
  configure(poolId, clientId);

  const started = await signIn({ username, password: GOOD_PASSWORD });
  const secret = started.nextStep.totpSetupDetails?.sharedSecret;
  const done = await confirmSignIn({ challengeResponse: authenticator.generate(secret) });
  const admin = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));

  assert.equal(started.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
  assert.equal(done.isSignedIn, true);
  assert.deepEqual(admin.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
});

test('Amplify v6: email OTP (CONFIRM_SIGN_IN_WITH_EMAIL_CODE)', async () => {
  const { cognito, poolId, clientId } = await mfaSetup({ mfa: 'ON', email: true });
  const { username, email } = await confirmedUser(cognito, poolId);
  configure(poolId, clientId);

  const started = await signIn({ username, password: GOOD_PASSWORD });
  const code = await codeFor(server, email);
  const done = await confirmSignIn({ challengeResponse: code });

  assert.equal(started.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  assert.equal(started.nextStep.codeDeliveryDetails?.deliveryMedium, 'EMAIL');
  assert.equal(done.isSignedIn, true);
});
