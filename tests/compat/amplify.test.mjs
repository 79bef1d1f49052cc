// Amplify JS v6 (@aws-amplify/auth 6.21.1 + @aws-amplify/core 6.19.2) against Gatehouse, in Node 20.
//
// Node setup (read from node_modules/@aws-amplify/*/dist/esm and aws-amplify 6.22.1's src/Amplify.ts):
// - No polyfill: Amplify takes `crypto` (getRandomValues for SRP), `fetch`, `TextEncoder`, `atob`/`btoa` from the
//   globals, all present in Node 20.
// - `Amplify.configure` of @aws-amplify/core alone does not wire a token provider (the `aws-amplify` package does
//   that); here it is passed as `libraryOptions.Auth.tokenProvider`, after `setAuthConfig` and
//   `setKeyValueStorage`, exactly as aws-amplify's `resolveLibraryOptions` does. Without `window.localStorage`
//   Amplify would fall back to an in-memory store shared by the whole process; each test sets a fresh
//   KeyValueStorage instead, so a session never leaks into the next test (signIn refuses to run while a user is
//   signed in: UserAlreadyAuthenticatedException).
// - `userPoolEndpoint` is used verbatim as the URL of every user-pool call; the region comes from the pool id.
// - Amplify refreshes with GetTokensFromRefreshToken (not InitiateAuth REFRESH_TOKEN_AUTH), needs `iat` in the
//   access token (clock drift), reads `cognito:username` and `sub` from the ID token (getCurrentUser) and
//   `origin_jti` from the access token (signOut revokes the refresh token only when it is present).
// - signOut swallows service errors, so the effect of a sign-out is checked through the SDK.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { AdminGetUserCommand, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  confirmResetPassword,
  confirmSignIn,
  confirmSignUp,
  confirmUserAttribute,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  resetPassword,
  signIn,
  signOut,
  signUp,
  updateUserAttributes,
} from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import { AsyncMapStorage, UUID, authSetup, codeFor } from './lib/auth.mjs';
import { GOOD_PASSWORD, createUser, uniqueEmail } from './lib/builders.mjs';
import { expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const NEW_PASSWORD = 'N3w-Passw0rd!';

// Amplify warns on every configure that a custom endpoint is in use; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR';

let storage = new AsyncMapStorage();

beforeEach(() => {
  storage = new AsyncMapStorage();
});

/** Points Amplify at `poolId`/`clientId` on the test server, with this test's storage. */
function configure(poolId, clientId) {
  const auth = { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.endpoint } };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
}

/** A pool + public client, Amplify configured for them; `setupInput` as for authSetup. */
async function amplifySetup(setupInput) {
  const cognito = server.client();
  const setup = await authSetup(cognito, setupInput);
  configure(setup.poolId, setup.clientId);
  return { ...setup, cognito };
}

/** signUp + confirmSignUp through Amplify; returns `{ username, email, userId }`. */
async function amplifyUser() {
  const username = unique('amp');
  const email = uniqueEmail(username);
  const { userId } = await signUp({ username, password: GOOD_PASSWORD, options: { userAttributes: { email } } });
  const code = await codeFor(server, email);
  await confirmSignUp({ username, confirmationCode: code });
  return { username, email, userId };
}

/** The refresh token Amplify stored (key `CognitoIdentityServiceProvider.<clientId>.<username>.refreshToken`). */
async function storedRefreshToken(clientId) {
  const key = storage.keys().find((k) => k.startsWith(`CognitoIdentityServiceProvider.${clientId}.`) && k.endsWith('.refreshToken'));
  assert.ok(key, `no refresh token stored: ${storage.keys()}`);
  return storage.getItem(key);
}

async function expectAuthError(promise, name) {
  const error = await promise.then(
    (value) => assert.fail(`expected ${name}, got ${JSON.stringify(value)}`),
    (caught) => caught,
  );
  if (error instanceof assert.AssertionError) {
    throw error;
  }
  assert.equal(error.name, name, `${error.name}: ${error.message}`);
  return error;
}

test('signUp → confirmSignUp with the emailed code → signIn (SRP) → getCurrentUser', async () => {
  const { cognito, poolId } = await amplifySetup();
  const username = unique('amp');
  const email = uniqueEmail(username);

  const signedUp = await signUp({ username, password: GOOD_PASSWORD, options: { userAttributes: { email } } });
  assert.equal(signedUp.isSignUpComplete, false);
  assert.equal(signedUp.nextStep.signUpStep, 'CONFIRM_SIGN_UP');
  assert.equal(signedUp.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');
  assert.equal(signedUp.nextStep.codeDeliveryDetails.attributeName, 'email');
  assert.match(signedUp.userId, UUID);

  const code = await codeFor(server, email);
  const confirmed = await confirmSignUp({ username, confirmationCode: code });
  assert.equal(confirmed.isSignUpComplete, true);
  assert.equal(confirmed.nextStep.signUpStep, 'DONE');
  assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus, 'CONFIRMED');

  const signedIn = await signIn({ username, password: GOOD_PASSWORD });
  assert.equal(signedIn.isSignedIn, true);
  assert.equal(signedIn.nextStep.signInStep, 'DONE');
  const current = await getCurrentUser();
  assert.equal(current.username, username);
  assert.equal(current.userId, signedUp.userId);

  const { tokens, userSub } = await fetchAuthSession();
  assert.equal(userSub, signedUp.userId);
  assert.equal(tokens.accessToken.payload.username, username);
  assert.equal(tokens.idToken.payload.email, email);
  assert.ok(storage.keys().some((key) => key.endsWith('.accessToken')), 'tokens are kept in the configured storage');
});

test('signIn with USER_PASSWORD_AUTH (options.authFlowType)', async () => {
  await amplifySetup();
  const { username } = await amplifyUser();
  const result = await signIn({ username, password: GOOD_PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  assert.equal(result.isSignedIn, true);
  assert.equal((await getCurrentUser()).username, username);
});

test('signIn: wrong password → NotAuthorizedException; unconfirmed user → nextStep CONFIRM_SIGN_UP', async () => {
  await amplifySetup();
  const { username } = await amplifyUser();
  const wrong = await expectAuthError(signIn({ username, password: 'Wr0ng-Password!' }), 'NotAuthorizedException');
  assert.equal(wrong.message, 'Incorrect username or password.');
  await expectAuthError(
    signIn({ username, password: 'Wr0ng-Password!', options: { authFlowType: 'USER_PASSWORD_AUTH' } }), 'NotAuthorizedException');

  const pending = unique('amp');
  await signUp({ username: pending, password: GOOD_PASSWORD, options: { userAttributes: { email: uniqueEmail(pending) } } });
  const result = await signIn({ username: pending, password: GOOD_PASSWORD });
  assert.equal(result.isSignedIn, false);
  assert.equal(result.nextStep.signInStep, 'CONFIRM_SIGN_UP');
});

test('signIn with a temporary password → CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED → confirmSignIn', async () => {
  const { cognito, poolId } = await amplifySetup();
  const { username } = await createUser(cognito, poolId, { TemporaryPassword: 'Temp-Passw0rd!' });
  const first = await signIn({ username, password: 'Temp-Passw0rd!' });
  assert.equal(first.isSignedIn, false);
  assert.equal(first.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
  assert.deepEqual(first.nextStep.missingAttributes, []);

  const done = await confirmSignIn({ challengeResponse: NEW_PASSWORD });
  assert.equal(done.isSignedIn, true);
  assert.equal((await getCurrentUser()).username, username);
  assert.equal((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus, 'CONFIRMED');
});

test('fetchAuthSession({ forceRefresh: true }) gets new tokens through GetTokensFromRefreshToken', async () => {
  const { cognito } = await amplifySetup();
  const { username } = await amplifyUser();
  await signIn({ username, password: GOOD_PASSWORD });
  const before = (await fetchAuthSession()).tokens;
  const after = (await fetchAuthSession({ forceRefresh: true })).tokens;

  assert.ok(after?.accessToken, 'the refresh succeeded (Amplify answers tokens: undefined when it is refused)');
  assert.notEqual(after.accessToken.payload.jti, before.accessToken.payload.jti);
  assert.notEqual(after.idToken.payload.jti, before.idToken.payload.jti);
  assert.equal(after.accessToken.payload.origin_jti, before.accessToken.payload.origin_jti);
  assert.equal(after.idToken.payload['cognito:username'], username);
  const got = await cognito.send(new GetUserCommand({ AccessToken: after.accessToken.toString() }));
  assert.equal(got.Username, username);
});

test('updateUserAttributes: plain attributes are DONE, a new email needs CONFIRM_ATTRIBUTE_WITH_CODE → confirmUserAttribute', async () => {
  await amplifySetup();
  const { username } = await amplifyUser();
  await signIn({ username, password: GOOD_PASSWORD });
  const newEmail = uniqueEmail('amp-new');

  const result = await updateUserAttributes({ userAttributes: { given_name: 'Grace', email: newEmail } });
  assert.equal(result.given_name.isUpdated, true);
  assert.equal(result.given_name.nextStep.updateAttributeStep, 'DONE');
  assert.equal(result.email.isUpdated, false);
  assert.equal(result.email.nextStep.updateAttributeStep, 'CONFIRM_ATTRIBUTE_WITH_CODE');
  assert.equal(result.email.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');

  let attributes = await fetchUserAttributes();
  assert.equal(attributes.given_name, 'Grace');
  assert.equal(attributes.email, newEmail);
  assert.equal(attributes.email_verified, 'false');

  const code = await codeFor(server, newEmail);
  await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code });
  attributes = await fetchUserAttributes();
  assert.equal(attributes.email_verified, 'true');
});

test('resetPassword → confirmResetPassword with the emailed code → signIn with the new password', async () => {
  await amplifySetup();
  const { username, email } = await amplifyUser();
  const reset = await resetPassword({ username });
  assert.equal(reset.isPasswordReset, false);
  assert.equal(reset.nextStep.resetPasswordStep, 'CONFIRM_RESET_PASSWORD_WITH_CODE');
  assert.equal(reset.nextStep.codeDeliveryDetails.deliveryMedium, 'EMAIL');

  const code = await codeFor(server, email, 2);
  await expectAuthError(confirmResetPassword({
    username, newPassword: NEW_PASSWORD, confirmationCode: String((Number(code) + 1) % 1_000_000).padStart(6, '0'),
  }), 'CodeMismatchException');
  await confirmResetPassword({ username, newPassword: NEW_PASSWORD, confirmationCode: code });

  await expectAuthError(signIn({ username, password: GOOD_PASSWORD }), 'NotAuthorizedException');
  assert.equal((await signIn({ username, password: NEW_PASSWORD })).isSignedIn, true);
});

test('signOut({ global: true }) revokes every token server-side and clears the local session', async () => {
  const { cognito, clientId } = await amplifySetup();
  const { username } = await amplifyUser();
  await signIn({ username, password: GOOD_PASSWORD });
  const { tokens } = await fetchAuthSession();
  const refreshToken = await storedRefreshToken(clientId);

  await signOut({ global: true });
  await expectAwsError(cognito.send(new GetUserCommand({ AccessToken: tokens.accessToken.toString() })), 'NotAuthorizedException');
  await expectAwsError(cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken },
  })), 'NotAuthorizedException');
  assert.equal((await fetchAuthSession()).tokens, undefined);
  await expectAuthError(getCurrentUser(), 'UserUnAuthenticatedException');
});

test('signOut() revokes the refresh token with RevokeToken', async () => {
  const { cognito, clientId } = await amplifySetup();
  const { username } = await amplifyUser();
  await signIn({ username, password: GOOD_PASSWORD });
  const refreshToken = await storedRefreshToken(clientId);
  await signOut();
  const error = await expectAwsError(cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken },
  })), 'NotAuthorizedException');
  assert.equal(error.message, 'Refresh Token has been revoked');
  assert.equal(await storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.accessToken`), null);
});
