// amazon-cognito-identity-js 6.3.21 (the browser library many apps still use) against Gatehouse, in Node 20.
// Its callback APIs are wrapped in promises; each test has its own storage so no session leaks between tests.
// The library POSTs to `endpoint` exactly as given, with `X-Amz-Target`, `Content-Type: application/x-amz-json-1.1`,
// `X-Amz-User-Agent` and `Cache-Control: no-store`, and reads `__type`/`message` of error bodies
// (node_modules/amazon-cognito-identity-js/src/Client.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminGetUserCommand, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoRefreshToken,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
} from 'amazon-cognito-identity-js';
import { ADMIN_SCOPE, MapStorage, UUID, authSetup, codeFor, peek } from './lib/auth.mjs';
import { GOOD_PASSWORD, createClient, createUser, uniqueEmail } from './lib/builders.mjs';
import { attributeMap, expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const NEW_PASSWORD = 'N3w-Passw0rd!';

/** A CognitoUserPool for `poolId`/`clientId` on the test server, with its own storage. */
function userPool(poolId, clientId, storage = new MapStorage()) {
  return new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: storage });
}

function cognitoUser(pool, username) {
  return new CognitoUser({ Username: username, Pool: pool, Storage: pool.storage });
}

/** Node-style callback → promise. */
function call(fn) {
  return new Promise((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value))));
}

/** signUp(username, password, attributes) → the library's SignUpResult. */
function signUp(pool, username, password, email) {
  const attributes = [new CognitoUserAttribute({ Name: 'email', Value: email })];
  return call((done) => pool.signUp(username, password, attributes, null, done));
}

/**
 * authenticateUser → `{ session }` on success, `{ newPasswordRequired: {userAttributes, requiredAttributes} }` when
 * the server asks for a new password; rejects with the library's error (name = the AWS error name).
 */
function authenticate(user, password) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      newPasswordRequired: (userAttributes, requiredAttributes) => resolve({ newPasswordRequired: { userAttributes, requiredAttributes } }),
      mfaRequired: () => reject(new Error('unexpected SMS_MFA challenge')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA challenge')),
      customChallenge: () => reject(new Error('unexpected CUSTOM_CHALLENGE')),
      mfaSetup: () => reject(new Error('unexpected MFA_SETUP challenge')),
      selectMFAType: () => reject(new Error('unexpected SELECT_MFA_TYPE challenge')),
    });
  });
}

/** A callback map `{ onSuccess, onFailure, inputVerificationCode }` → promise of what onSuccess/inputVerificationCode got. */
function callbacks(fn) {
  return new Promise((resolve, reject) => fn({ onSuccess: resolve, onFailure: reject, inputVerificationCode: resolve }));
}

/** Signs up and confirms a user through the library; returns `{ pool, user, username, email }` (not signed in). */
async function confirmedUser(setupInput) {
  const cognito = server.client();
  const setup = await authSetup(cognito, setupInput);
  const pool = userPool(setup.poolId, setup.clientId);
  const username = unique('idjs');
  const email = uniqueEmail(username);
  const result = await signUp(pool, username, GOOD_PASSWORD, email);
  const code = await codeFor(server, email);
  await call((done) => result.user.confirmRegistration(code, true, done));
  return { ...setup, cognito, pool, user: cognitoUser(pool, username), username, email };
}

async function expectFailure(promise, name, message) {
  const error = await promise.then(
    (value) => assert.fail(`expected ${name}, got ${JSON.stringify(value)}`),
    (caught) => caught,
  );
  if (error instanceof assert.AssertionError) {
    throw error;
  }
  assert.equal(error.code ?? error.name, name, `${error.name}: ${error.message}`);
  if (message !== undefined) {
    assert.equal(error.message, message);
  }
  return error;
}

test('signUp → confirmRegistration with the emailed code → authenticateUser (SRP) gives a valid session', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const storage = new MapStorage();
  const pool = userPool(poolId, clientId, storage);
  const username = unique('idjs');
  const email = uniqueEmail(username);

  const result = await signUp(pool, username, GOOD_PASSWORD, email);
  assert.equal(result.userConfirmed, false);
  assert.match(result.userSub, UUID);
  assert.equal(result.codeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(result.user.getUsername(), username);

  const code = await codeFor(server, email);
  assert.equal(await call((done) => result.user.confirmRegistration(code, true, done)), 'SUCCESS');

  const user = cognitoUser(pool, username);
  const { session } = await authenticate(user, GOOD_PASSWORD);
  assert.equal(session.isValid(), true);
  assert.equal(user.getUsername(), username, 'USER_ID_FOR_SRP is the username');
  const access = session.getAccessToken().decodePayload();
  assert.equal(access.username, username);
  assert.equal(access.client_id, clientId);
  assert.equal(access.scope, ADMIN_SCOPE);
  assert.equal(session.getIdToken().decodePayload()['cognito:username'], username);
  assert.equal(session.getIdToken().decodePayload().email, email);
  assert.equal(typeof session.getRefreshToken().getToken(), 'string');
  assert.ok(Math.abs(session.getClockDrift()) < 120, 'iat agrees with the local clock');
  assert.equal(storage.getItem(`CognitoIdentityServiceProvider.${clientId}.LastAuthUser`), username);

  const attributes = await call((done) => user.getUserAttributes(done));
  const byName = Object.fromEntries(attributes.map((a) => [a.getName(), a.getValue()]));
  assert.equal(byName.email, email);
  assert.equal(byName.email_verified, 'true');
  assert.equal(byName.sub, result.userSub);
});

test('confirmRegistration with a wrong code → CodeMismatchException', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const pool = userPool(poolId, clientId);
  const username = unique('idjs');
  const email = uniqueEmail(username);
  const result = await signUp(pool, username, GOOD_PASSWORD, email);
  const code = await codeFor(server, email);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await expectFailure(call((done) => result.user.confirmRegistration(wrong, true, done)), 'CodeMismatchException');
  await expectFailure(authenticate(cognitoUser(pool, username), GOOD_PASSWORD), 'UserNotConfirmedException');
});

test('[row 71 part] authenticateUser with a wrong password, or an unknown user on a PreventUserExistenceErrors client → NotAuthorizedException', async () => {
  const { user, cognito, poolId } = await confirmedUser();
  await expectFailure(authenticate(user, 'Wr0ng-Password!'), 'NotAuthorizedException', 'Incorrect username or password.');

  const hiding = await createClient(cognito, poolId, { PreventUserExistenceErrors: 'ENABLED' });
  const pool = userPool(poolId, hiding.ClientId);
  await expectFailure(authenticate(cognitoUser(pool, unique('ghost')), GOOD_PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
});

test('USER_PASSWORD_AUTH through setAuthenticationFlowType', async () => {
  const { user, username } = await confirmedUser();
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  const { session } = await authenticate(user, GOOD_PASSWORD);
  assert.equal(session.isValid(), true);
  assert.equal(session.getAccessToken().decodePayload().username, username);
});

test('getSession returns the stored session, and refreshes it (REFRESH_TOKEN_AUTH) once it has expired', async () => {
  const { pool, user, username, clientId } = await confirmedUser();
  const { session } = await authenticate(user, GOOD_PASSWORD);

  // A fresh CognitoUser for the same storage, as after a page reload.
  const current = pool.getCurrentUser();
  assert.equal(current.getUsername(), username);
  const cached = await call((done) => current.getSession(done));
  assert.equal(cached.getAccessToken().getJwtToken(), session.getAccessToken().getJwtToken());

  // Make the stored session look expired: the library compares exp with (now - clockDrift).
  pool.storage.setItem(`CognitoIdentityServiceProvider.${clientId}.${username}.clockDrift`, String(-2 * 3600));
  const reloaded = pool.getCurrentUser();
  const refreshed = await call((done) => reloaded.getSession(done));
  assert.equal(refreshed.isValid(), true);
  const before = session.getAccessToken().decodePayload();
  const after = refreshed.getAccessToken().decodePayload();
  assert.notEqual(after.jti, before.jti, 'a new access token');
  assert.equal(after.origin_jti, before.origin_jti);
  assert.equal(refreshed.getRefreshToken().getToken(), session.getRefreshToken().getToken(), 'the refresh token is kept');
  assert.equal(pool.storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.accessToken`), refreshed.getAccessToken().getJwtToken());
});

test('refreshSession with the refresh token gets new tokens; a bogus refresh token → NotAuthorizedException', async () => {
  const { user } = await confirmedUser();
  const { session } = await authenticate(user, GOOD_PASSWORD);
  const refreshed = await call((done) => user.refreshSession(session.getRefreshToken(), done));
  assert.notEqual(refreshed.getIdToken().decodePayload().jti, session.getIdToken().decodePayload().jti);
  assert.equal(refreshed.getIdToken().decodePayload().auth_time, session.getIdToken().decodePayload().auth_time);

  await expectFailure(call((done) => user.refreshSession(new CognitoRefreshToken({ RefreshToken: 'bogus' }), done)), 'NotAuthorizedException');
});

test('changePassword, then the new password signs in and the old one does not', async () => {
  const { pool, user, username } = await confirmedUser();
  await authenticate(user, GOOD_PASSWORD);
  await expectFailure(call((done) => user.changePassword('Wr0ng-Password!', NEW_PASSWORD, done)), 'NotAuthorizedException');
  await expectFailure(call((done) => user.changePassword(GOOD_PASSWORD, 'weak', done)), 'InvalidPasswordException');
  assert.equal(await call((done) => user.changePassword(GOOD_PASSWORD, NEW_PASSWORD, done)), 'SUCCESS');

  await expectFailure(authenticate(cognitoUser(pool, username), GOOD_PASSWORD), 'NotAuthorizedException');
  const { session } = await authenticate(cognitoUser(pool, username), NEW_PASSWORD);
  assert.equal(session.isValid(), true);
});

test('forgotPassword sends a code; confirmPassword with it sets the new password', async () => {
  const { pool, user, username, email } = await confirmedUser();
  const delivery = await callbacks((cb) => user.forgotPassword(cb));
  assert.equal(delivery.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  const code = await codeFor(server, email, 2);
  assert.equal(await callbacks((cb) => user.confirmPassword(code, NEW_PASSWORD, cb)), 'SUCCESS');

  const { session } = await authenticate(cognitoUser(pool, username), NEW_PASSWORD);
  assert.equal(session.isValid(), true);
});

test('updateAttributes, then getAttributeVerificationCode / verifyAttribute for the changed email', async () => {
  const { user, cognito, poolId, username } = await confirmedUser();
  await authenticate(user, GOOD_PASSWORD);
  const newEmail = uniqueEmail('idjs-new');
  const updated = await call((done) => user.updateAttributes([
    new CognitoUserAttribute({ Name: 'given_name', Value: 'Ada' }),
    new CognitoUserAttribute({ Name: 'email', Value: newEmail }),
  ], done));
  assert.equal(updated, 'SUCCESS');
  let attributes = attributeMap((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserAttributes);
  assert.equal(attributes.given_name, 'Ada');
  assert.equal(attributes.email, newEmail);
  assert.equal(attributes.email_verified, 'false');
  await codeFor(server, newEmail, 1);

  const delivery = await callbacks((cb) => user.getAttributeVerificationCode('email', cb));
  assert.equal(delivery.CodeDeliveryDetails.AttributeName, 'email');
  const code = await codeFor(server, newEmail, 2);
  assert.equal(await callbacks((cb) => user.verifyAttribute('email', code, cb)), 'SUCCESS');
  attributes = attributeMap((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserAttributes);
  assert.equal(attributes.email_verified, 'true');
});

test('completeNewPasswordChallenge for a user created with a temporary password', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const { username, email } = await createUser(cognito, poolId, { TemporaryPassword: 'Temp-Passw0rd!' });
  const user = cognitoUser(userPool(poolId, clientId), username);

  const { newPasswordRequired } = await authenticate(user, 'Temp-Passw0rd!');
  assert.ok(newPasswordRequired, 'NEW_PASSWORD_REQUIRED');
  assert.equal(newPasswordRequired.userAttributes.email, email);
  assert.deepEqual(newPasswordRequired.requiredAttributes, []);
  const session = await new Promise((resolve, reject) => user.completeNewPasswordChallenge(NEW_PASSWORD, {}, {
    onSuccess: resolve, onFailure: reject,
  }));
  assert.equal(session.isValid(), true);
  assert.equal(session.getAccessToken().decodePayload().username, username);
});

test('globalSignOut revokes the session server-side and clears local storage', async () => {
  const { user, cognito, clientId, username, pool } = await confirmedUser();
  const { session } = await authenticate(user, GOOD_PASSWORD);
  assert.equal(await callbacks((cb) => user.globalSignOut(cb)), 'SUCCESS');

  await expectAwsError(cognito.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() })), 'NotAuthorizedException');
  await expectAwsError(cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
  })), 'NotAuthorizedException');
  assert.equal(pool.storage.getItem(`CognitoIdentityServiceProvider.${clientId}.${username}.accessToken`), null);
});

test('signOut(callback) revokes the refresh token (RevokeToken, since the token has origin_jti)', async () => {
  const { user, cognito, clientId } = await confirmedUser();
  const { session } = await authenticate(user, GOOD_PASSWORD);
  assert.ok(session.getAccessToken().decodePayload().origin_jti, 'token revocation is on for new clients');
  await call((done) => user.signOut((error) => done(error)));

  await expectAwsError(cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
  })), 'NotAuthorizedException');
});

test('deleteUser removes the user', async () => {
  const { user, cognito, poolId, username } = await confirmedUser();
  const { session } = await authenticate(user, GOOD_PASSWORD);
  assert.equal(await call((done) => user.deleteUser(done)), 'SUCCESS');
  await expectAwsError(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })), 'UserNotFoundException');
  await expectAwsError(cognito.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() })), 'NotAuthorizedException');
  assert.equal(peek(session.getIdToken().getJwtToken()).payload['cognito:username'], username);
});
