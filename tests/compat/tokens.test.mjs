// Sign-up, sign-in and tokens through the JS SDK v3: every self-service and auth operation, each error branch,
// the JWKS / discovery documents, the claims of the tokens (protocol-notes §9) verified with jose and with
// aws-jwt-verify, and two races (one confirmation code used 50 times at once; 50 wrong passwords at once).
//
// Error messages asserted verbatim are the ones live Cognito sends, as quoted in client issue reports:
// "Incorrect username or password.", "Password attempts exceeded" (amazon-cognito-identity-js#479, #506),
// "Client <id> is configured with secret but SECRET_HASH was not received" (amplify-android#2504),
// "Unable to verify secret hash for client <id>" (laravel-aws-cognito-auth#26).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  DeleteUserCommand,
  ForgotPasswordCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { JwtInvalidAudienceError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import {
  ADMIN_SCOPE,
  UUID,
  authSetup,
  codeFor,
  issuerOf,
  passwordAuth,
  peek,
  secretHash,
  signUp,
  signUpConfirmed,
  srpAuth,
} from './lib/auth.mjs';
import { GOOD_PASSWORD, createClient, createUser, outboxMessages, uniqueEmail } from './lib/builders.mjs';
import { attributeMap, expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const NEW_PASSWORD = 'N3w-Passw0rd!';
const INCORRECT = 'Incorrect username or password.';

/** A 6-digit code that is not `code`. */
function otherCode(code) {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

async function adminGetUser(cognito, poolId, username) {
  return cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
}

/** A pool + public client + confirmed (signed-up) user, signed in with USER_PASSWORD_AUTH. */
async function signedIn(cognito, setupInput) {
  const setup = await authSetup(cognito, setupInput);
  const user = await signUpConfirmed(server, cognito, setup.clientId);
  const { AuthenticationResult: tokens } = await passwordAuth(cognito, setup.clientId, user.username, user.password);
  return { ...setup, user, tokens };
}

function getUser(cognito, accessToken) {
  return cognito.send(new GetUserCommand({ AccessToken: accessToken }));
}

function refresh(cognito, clientId, refreshToken) {
  return cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken },
  }));
}

function assertAuthenticationResult(result, { withRefreshToken = true } = {}) {
  assert.ok(result, 'AuthenticationResult is present');
  assert.equal(typeof result.AccessToken, 'string');
  assert.equal(typeof result.IdToken, 'string');
  assert.equal(result.TokenType, 'Bearer');
  assert.equal(result.ExpiresIn, 3600, 'default access-token validity is 60 minutes');
  if (withRefreshToken) {
    assert.equal(typeof result.RefreshToken, 'string');
    assert.match(result.RefreshToken, /^[A-Za-z0-9\-_=.]+$/, 'TokenModelType pattern');
  }
}

// --- SignUp, ConfirmSignUp, ResendConfirmationCode ------------------------------------------------------------------

test('SignUp creates an UNCONFIRMED user and sends the code to the email; ConfirmSignUp confirms and verifies it', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const { username, email, sub, response } = await signUp(cognito, clientId);

  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal(response.UserConfirmed, false);
  assert.match(sub, UUID);
  assert.equal(response.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(response.CodeDeliveryDetails.AttributeName, 'email');
  assert.equal(typeof response.CodeDeliveryDetails.Destination, 'string');
  assert.notEqual(response.CodeDeliveryDetails.Destination, email, 'the destination is masked');
  const before = await adminGetUser(cognito, poolId, username);
  assert.equal(before.UserStatus, 'UNCONFIRMED');
  assert.equal(attributeMap(before.UserAttributes).sub, sub);

  const messages = await outboxMessages(server, email);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].poolId, poolId);
  const code = await codeFor(server, email);
  const confirmed = await cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }));
  assert.equal(confirmed.$metadata.httpStatusCode, 200);

  const after = await adminGetUser(cognito, poolId, username);
  assert.equal(after.UserStatus, 'CONFIRMED');
  assert.equal(attributeMap(after.UserAttributes).email_verified, 'true');
});

test('[row 13 part] SignUp with a username already taken → UsernameExistsException "User already exists"', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const { username } = await signUp(cognito, clientId);
  const error = await expectAwsError(signUp(cognito, clientId, { Username: username }), 'UsernameExistsException');
  assert.equal(error.message, 'User already exists');
});

test('SignUp with a password that breaks the policy → InvalidPasswordException, no user', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const username = unique('weak');
  await expectAwsError(signUp(cognito, clientId, { Username: username, Password: 'Sh0rt!' }), 'InvalidPasswordException');
  await expectAwsError(signUp(cognito, clientId, { Username: unique('weak'), Password: 'nouppercase1!' }), 'InvalidPasswordException');
  await expectAwsError(adminGetUser(cognito, poolId, username), 'UserNotFoundException');
});

test('SignUp with an attribute outside the schema, or an unknown client → InvalidParameterException / ResourceNotFoundException', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  await expectAwsError(cognito.send(new SignUpCommand({
    ClientId: clientId, Username: unique('bad'), Password: GOOD_PASSWORD,
    UserAttributes: [{ Name: 'custom:not_in_schema', Value: 'x' }],
  })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new SignUpCommand({
    ClientId: 'nosuchclient0000000000000a', Username: unique('bad'), Password: GOOD_PASSWORD,
  })), 'ResourceNotFoundException');
});

test('ConfirmSignUp with a wrong code → CodeMismatchException; the user stays UNCONFIRMED', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const { username, email } = await signUp(cognito, clientId);
  const code = await codeFor(server, email);
  const error = await expectAwsError(cognito.send(new ConfirmSignUpCommand({
    ClientId: clientId, Username: username, ConfirmationCode: otherCode(code),
  })), 'CodeMismatchException');
  assert.equal(error.message, 'Invalid verification code provided, please try again.');
  assert.equal((await adminGetUser(cognito, poolId, username)).UserStatus, 'UNCONFIRMED');
});

test('ConfirmSignUp of a user already confirmed → NotAuthorizedException naming the status', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const { username, email } = await signUpConfirmed(server, cognito, clientId);
  const code = await codeFor(server, email);
  const error = await expectAwsError(cognito.send(new ConfirmSignUpCommand({
    ClientId: clientId, Username: username, ConfirmationCode: code,
  })), 'NotAuthorizedException');
  assert.match(error.message, /CONFIRMED/);
});

test('ResendConfirmationCode sends a new code that confirms the user', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const { username, email } = await signUp(cognito, clientId);
  await codeFor(server, email, 1);
  const resent = await cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: username }));
  assert.equal(resent.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(resent.CodeDeliveryDetails.AttributeName, 'email');

  const code = await codeFor(server, email, 2);
  await cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }));
  assert.equal((await adminGetUser(cognito, poolId, username)).UserStatus, 'CONFIRMED');
});

test('50 parallel ConfirmSignUp with one code → exactly one succeeds', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const { username, email } = await signUp(cognito, clientId);
  const code = await codeFor(server, email);

  const results = await Promise.allSettled(Array.from({ length: 50 }, () => cognito.send(
    new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }),
  )));
  const succeeded = results.filter((r) => r.status === 'fulfilled');
  const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  assert.equal(succeeded.length, 1, `successes: ${succeeded.length}; errors: ${[...new Set(failed.map((e) => e.name))]}`);
  for (const error of failed) {
    assert.notEqual(error.name, 'InternalErrorException', error.message);
    assert.equal(error.$metadata?.httpStatusCode, 400, `${error.name}: ${error.message}`);
  }
  assert.equal((await adminGetUser(cognito, poolId, username)).UserStatus, 'CONFIRMED');
});

// --- InitiateAuth / AdminInitiateAuth / RespondToAuthChallenge ------------------------------------------------------

test('InitiateAuth USER_PASSWORD_AUTH returns access, ID and refresh tokens', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const response = await passwordAuth(cognito, clientId, user.username, user.password);
  assert.equal(response.ChallengeName, undefined);
  assertAuthenticationResult(response.AuthenticationResult);
});

test('InitiateAuth USER_SRP_AUTH answers PASSWORD_VERIFIER; the correct claim signature gets tokens', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const { initiate, respond } = await srpAuth(cognito, { poolId, clientId, username: user.username, password: user.password });

  const parameters = initiate.ChallengeParameters;
  assert.equal(parameters.USER_ID_FOR_SRP, user.username);
  assert.equal(parameters.USERNAME, user.username);
  assert.match(parameters.SALT, /^[0-9a-f]+$/i);
  assert.match(parameters.SRP_B, /^[0-9a-f]+$/i);
  assert.ok(Buffer.from(parameters.SECRET_BLOCK, 'base64').length > 0);
  assert.equal(respond.ChallengeName, undefined);
  assertAuthenticationResult(respond.AuthenticationResult);
  assert.equal(peek(respond.AuthenticationResult.AccessToken).payload.username, user.username);
});

test('USER_SRP_AUTH with the wrong password → NotAuthorizedException "Incorrect username or password."', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const error = await expectAwsError(
    srpAuth(cognito, { poolId, clientId, username: user.username, password: 'Wr0ng-Password!' }), 'NotAuthorizedException');
  assert.equal(error.message, INCORRECT);
});

test('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH returns tokens', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const response = await cognito.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
  }));
  assertAuthenticationResult(response.AuthenticationResult);
  await expectAwsError(cognito.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: 'Wr0ng-Password!' },
  })), 'NotAuthorizedException');
});

test('REFRESH_TOKEN_AUTH returns new access and ID tokens of the same session, without a refresh token', async () => {
  const cognito = server.client();
  const { clientId, tokens } = await signedIn(cognito);
  const { AuthenticationResult: refreshed } = await refresh(cognito, clientId, tokens.RefreshToken);

  assertAuthenticationResult(refreshed, { withRefreshToken: false });
  assert.equal(refreshed.RefreshToken, undefined, 'no rotation by default: the refresh token is not reissued');
  const before = peek(tokens.AccessToken).payload;
  const after = peek(refreshed.AccessToken).payload;
  assert.notEqual(after.jti, before.jti);
  assert.equal(after.origin_jti, before.origin_jti, 'origin_jti ties refreshed tokens to the original authentication');
  assert.equal(after.auth_time, before.auth_time, 'auth_time is the original authentication time');
  assert.equal(peek(refreshed.IdToken).payload.auth_time, before.auth_time);
  await getUser(cognito, refreshed.AccessToken);
});

test('GetTokensFromRefreshToken returns new access and ID tokens', async () => {
  const cognito = server.client();
  const { clientId, tokens, user } = await signedIn(cognito);
  const { AuthenticationResult: refreshed } = await cognito.send(new GetTokensFromRefreshTokenCommand({
    ClientId: clientId, RefreshToken: tokens.RefreshToken,
  }));
  assertAuthenticationResult(refreshed, { withRefreshToken: false });
  assert.equal(peek(refreshed.IdToken).payload['cognito:username'], user.username);
  assert.equal(peek(refreshed.AccessToken).payload.origin_jti, peek(tokens.AccessToken).payload.origin_jti);
  await expectAwsError(cognito.send(new GetTokensFromRefreshTokenCommand({
    ClientId: clientId, RefreshToken: 'not-a-refresh-token',
  })), 'NotAuthorizedException');
});

test('RefreshTokenRotation ENABLED: Describe returns it, GetTokensFromRefreshToken rotates, the old token is refused after the grace period, REFRESH_TOKEN_AUTH is not allowed', async () => {
  const cognito = server.client();
  const { clientId, poolId, tokens } = await signedIn(cognito, {
    client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } },
  });
  const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
  assert.deepEqual(UserPoolClient.RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });

  // Refresh token rotation is incompatible with REFRESH_TOKEN_AUTH (developer guide, "Refresh tokens").
  await expectAwsError(refresh(cognito, clientId, tokens.RefreshToken), 'InvalidParameterException');
  const { AuthenticationResult: rotated } = await cognito.send(new GetTokensFromRefreshTokenCommand({
    ClientId: clientId, RefreshToken: tokens.RefreshToken,
  }));
  assertAuthenticationResult(rotated);
  assert.notEqual(rotated.RefreshToken, tokens.RefreshToken);
  await expectAwsError(cognito.send(new GetTokensFromRefreshTokenCommand({
    ClientId: clientId, RefreshToken: tokens.RefreshToken,
  })), 'RefreshTokenReuseException');
  const { AuthenticationResult: again } = await cognito.send(new GetTokensFromRefreshTokenCommand({
    ClientId: clientId, RefreshToken: rotated.RefreshToken,
  }));
  assertAuthenticationResult(again);
});

test('AdminCreateUser temporary password → NEW_PASSWORD_REQUIRED; RespondToAuthChallenge with a new password gets tokens', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const temporary = 'Temp-Passw0rd!';
  const { username } = await createUser(cognito, poolId, { TemporaryPassword: temporary });

  const challenge = await passwordAuth(cognito, clientId, username, temporary);
  assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  assert.equal(typeof challenge.Session, 'string');
  assert.ok(challenge.Session.length >= 20 && challenge.Session.length <= 2048, 'SessionType length 20..2048');
  assert.equal(challenge.AuthenticationResult, undefined);
  assert.equal(challenge.ChallengeParameters.USER_ID_FOR_SRP, username);
  assert.ok(Array.isArray(JSON.parse(challenge.ChallengeParameters.requiredAttributes)));
  assert.equal(typeof JSON.parse(challenge.ChallengeParameters.userAttributes), 'object');

  const respond = (password) => cognito.send(new RespondToAuthChallengeCommand({
    ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password },
  }));
  await expectAwsError(respond('weak'), 'InvalidPasswordException');
  const done = await respond(NEW_PASSWORD);
  assertAuthenticationResult(done.AuthenticationResult);
  assert.equal((await adminGetUser(cognito, poolId, username)).UserStatus, 'CONFIRMED');
  assertAuthenticationResult((await passwordAuth(cognito, clientId, username, NEW_PASSWORD)).AuthenticationResult);
});

// --- InitiateAuth error branches ------------------------------------------------------------------------------------

test('wrong password → NotAuthorizedException "Incorrect username or password."', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const error = await expectAwsError(passwordAuth(cognito, clientId, user.username, 'Wr0ng-Password!'), 'NotAuthorizedException');
  assert.equal(error.message, INCORRECT);
});

test('disabled user → NotAuthorizedException "User is disabled."', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  await cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: user.username }));
  const error = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'NotAuthorizedException');
  assert.equal(error.message, 'User is disabled.');
});

test('unconfirmed user with the right password → UserNotConfirmedException', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const user = await signUp(cognito, clientId);
  const error = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'UserNotConfirmedException');
  assert.equal(error.message, 'User is not confirmed.');
});

test('after AdminResetUserPassword → PasswordResetRequiredException; ConfirmForgotPassword with the sent code clears it', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: user.username }));
  assert.equal((await adminGetUser(cognito, poolId, user.username)).UserStatus, 'RESET_REQUIRED');

  const error = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'PasswordResetRequiredException');
  assert.equal(error.message, 'Password reset required for the user');
  const code = await codeFor(server, user.email, 2);
  await cognito.send(new ConfirmForgotPasswordCommand({
    ClientId: clientId, Username: user.username, ConfirmationCode: code, Password: NEW_PASSWORD,
  }));
  assert.equal((await adminGetUser(cognito, poolId, user.username)).UserStatus, 'CONFIRMED');
  assertAuthenticationResult((await passwordAuth(cognito, clientId, user.username, NEW_PASSWORD)).AuthenticationResult);
});

test('a flow the client does not allow, or a missing USERNAME → InvalidParameterException', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const srpOnly = await createClient(cognito, poolId, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });

  const refused = await expectAwsError(passwordAuth(cognito, srpOnly.ClientId, user.username, user.password), 'InvalidParameterException');
  assert.match(refused.message, /USER_PASSWORD_AUTH/);
  await expectAwsError(cognito.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: srpOnly.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
  })), 'InvalidParameterException');
  const missing = await expectAwsError(cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { PASSWORD: user.password },
  })), 'InvalidParameterException');
  assert.match(missing.message, /USERNAME/);
});

test('client with a secret: missing SECRET_HASH / wrong SECRET_HASH → NotAuthorizedException; the right one signs in', async () => {
  const cognito = server.client();
  const { poolId, clientId: publicClientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, publicClientId);
  const confidential = await createClient(cognito, poolId, { GenerateSecret: true, ExplicitAuthFlows: [
    'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const { ClientId: clientId, ClientSecret: secret } = confidential;
  assert.equal(typeof secret, 'string');

  const missing = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'NotAuthorizedException');
  assert.equal(missing.message, `Client ${clientId} is configured with secret but SECRET_HASH was not received`);
  const wrong = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password, {
    SECRET_HASH: secretHash(`${secret}x`, user.username, clientId),
  }), 'NotAuthorizedException');
  assert.equal(wrong.message, `Unable to verify secret hash for client ${clientId}`);

  const ok = await passwordAuth(cognito, clientId, user.username, user.password, {
    SECRET_HASH: secretHash(secret, user.username, clientId),
  });
  assertAuthenticationResult(ok.AuthenticationResult);
  const srp = await srpAuth(cognito, { poolId, clientId, username: user.username, password: user.password, secret });
  assertAuthenticationResult(srp.respond.AuthenticationResult);
  await expectAwsError(cognito.send(new SignUpCommand({
    ClientId: clientId, Username: unique('nosecret'), Password: GOOD_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: uniqueEmail('nosecret') }],
  })), 'NotAuthorizedException');
});

test('[row 10 part] unknown user: PreventUserExistenceErrors ENABLED → NotAuthorizedException, LEGACY → UserNotFoundException', async () => {
  const cognito = server.client();
  const { poolId } = await authSetup(cognito);
  const enabled = await createClient(cognito, poolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'], PreventUserExistenceErrors: 'ENABLED' });
  const legacy = await createClient(cognito, poolId, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'], PreventUserExistenceErrors: 'LEGACY' });
  const ghost = unique('ghost');

  const hidden = await expectAwsError(passwordAuth(cognito, enabled.ClientId, ghost, GOOD_PASSWORD), 'NotAuthorizedException');
  assert.equal(hidden.message, INCORRECT);
  const hiddenSrp = await expectAwsError(srpAuth(cognito, { poolId, clientId: enabled.ClientId, username: ghost, password: GOOD_PASSWORD }), 'NotAuthorizedException');
  assert.equal(hiddenSrp.message, INCORRECT);

  const told = await expectAwsError(passwordAuth(cognito, legacy.ClientId, ghost, GOOD_PASSWORD), 'UserNotFoundException');
  assert.equal(told.message, 'User does not exist.');
});

test('[row 3 part] 50 parallel wrong passwords lock the user: afterwards the right password → "Password attempts exceeded"', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);

  const results = await Promise.allSettled(Array.from({ length: 50 }, () =>
    passwordAuth(cognito, clientId, user.username, 'Wr0ng-Password!')));
  const errors = results.map((r) => {
    assert.equal(r.status, 'rejected', 'a wrong password never signs in');
    return r.reason;
  });
  for (const error of errors) {
    assert.equal(error.name, 'NotAuthorizedException', `${error.name}: ${error.message}`);
    assert.ok([INCORRECT, 'Password attempts exceeded'].includes(error.message), error.message);
  }
  // Cognito locks the user after five failed attempts (AWS developer guide, authentication flow: "After five
  // failed sign-in attempts, Amazon Cognito locks out your user for one second", doubling after each further
  // failure). The counter must hold under concurrency: at most five of the 50 were checked against the password.
  const checked = errors.filter((e) => e.message === INCORRECT).length;
  assert.ok(checked >= 1 && checked <= 5, `${checked} attempts were checked against the password`);

  const locked = await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'NotAuthorizedException');
  assert.equal(locked.message, 'Password attempts exceeded');
});

// --- JWKS, discovery, claims, verification --------------------------------------------------------------------------

test('JWKS and OpenID discovery are served at {endpoint}/{poolId}/.well-known/', async () => {
  const cognito = server.client();
  const { poolId, tokens } = await signedIn(cognito);
  const issuer = issuerOf(server.endpoint, poolId);

  const jwksResponse = await fetch(`${issuer}/.well-known/jwks.json`);
  assert.equal(jwksResponse.status, 200);
  assert.match(jwksResponse.headers.get('content-type') ?? '', /json/);
  const jwks = await jwksResponse.json();
  assert.ok(Array.isArray(jwks.keys) && jwks.keys.length >= 2, 'access and ID tokens are signed with different keys');
  for (const key of jwks.keys) {
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    assert.equal(key.use, 'sig');
    assert.equal(typeof key.kid, 'string');
    assert.equal(key.e, 'AQAB');
    assert.ok(Buffer.from(key.n, 'base64url').length >= 256, 'RSA modulus of at least 2048 bits');
    assert.equal(key.d, undefined, 'no private parts');
    assert.equal(key.p, undefined, 'no private parts');
  }
  const kids = jwks.keys.map((k) => k.kid);
  const accessKid = peek(tokens.AccessToken).header.kid;
  const idKid = peek(tokens.IdToken).header.kid;
  assert.ok(kids.includes(accessKid) && kids.includes(idKid));
  assert.notEqual(accessKid, idKid, 'access and ID tokens of one session are signed with different keys (§9)');
  assert.equal(peek(tokens.AccessToken).header.alg, 'RS256');

  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  assert.equal(discovery.issuer, issuer);
  assert.equal(discovery.jwks_uri, `${issuer}/.well-known/jwks.json`);
  assert.ok(discovery.id_token_signing_alg_values_supported.includes('RS256'));
  assert.ok(discovery.subject_types_supported.includes('public'));
});

test('tokens verify with jose against the pool JWKS, issuer {endpoint}/{poolId}', async () => {
  const cognito = server.client();
  const { poolId, clientId, tokens } = await signedIn(cognito);
  const issuer = issuerOf(server.endpoint, poolId);
  const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

  const id = await jwtVerify(tokens.IdToken, jwks, { issuer, audience: clientId, algorithms: ['RS256'] });
  assert.equal(id.payload.token_use, 'id');
  const access = await jwtVerify(tokens.AccessToken, jwks, { issuer, algorithms: ['RS256'] });
  assert.equal(access.payload.token_use, 'access');
  assert.equal(access.payload.client_id, clientId);

  await assert.rejects(jwtVerify(tokens.IdToken, jwks, { issuer, audience: 'someoneelse' }), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
  await assert.rejects(jwtVerify(tokens.IdToken, jwks, { issuer: `${issuer}x` }), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
  const [header, , signature] = tokens.AccessToken.split('.');
  const forged = Buffer.from(JSON.stringify({ ...peek(tokens.AccessToken).payload, username: 'admin' })).toString('base64url');
  await assert.rejects(jwtVerify(`${header}.${forged}.${signature}`, jwks, { issuer }), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
});

test('tokens verify with aws-jwt-verify JwtRsaVerifier ({issuer, audience, jwksUri})', async () => {
  const cognito = server.client();
  const { poolId, clientId, tokens } = await signedIn(cognito);
  const issuer = issuerOf(server.endpoint, poolId);
  const jwksUri = `${issuer}/.well-known/jwks.json`;
  // aws-jwt-verify fetches JWKS with node:https only; the test server speaks plain HTTP on loopback, so the
  // verifier gets a cache whose fetcher uses fetch(): the JWKS still comes from jwksUri.
  const jwksCache = new SimpleJwksCache({
    fetcher: { fetch: async (uri) => (await fetch(uri)).arrayBuffer() },
  });

  const idVerifier = JwtRsaVerifier.create({ issuer, audience: clientId, jwksUri }, { jwksCache });
  const id = await idVerifier.verify(tokens.IdToken);
  assert.equal(id.token_use, 'id');
  assert.equal(id.aud, clientId);

  const accessVerifier = JwtRsaVerifier.create({
    issuer, audience: null, jwksUri,
    customJwtCheck: ({ payload }) => {
      if (payload.client_id !== clientId || payload.token_use !== 'access') {
        throw new Error(`not an access token of ${clientId}`);
      }
    },
  }, { jwksCache });
  const access = await accessVerifier.verify(tokens.AccessToken);
  assert.equal(access.client_id, clientId);
  await assert.rejects(accessVerifier.verify(tokens.IdToken), /not an access token/);

  const wrongAudience = JwtRsaVerifier.create({ issuer, audience: 'someoneelse', jwksUri }, { jwksCache });
  await assert.rejects(wrongAudience.verify(tokens.IdToken), JwtInvalidAudienceError);
});

test('claims of the ID and access tokens (protocol-notes §9)', async () => {
  const cognito = server.client();
  const { poolId, clientId, user, tokens } = await signedIn(cognito);
  const issuer = issuerOf(server.endpoint, poolId);
  const now = Math.floor(Date.now() / 1000);
  const id = peek(tokens.IdToken).payload;
  const access = peek(tokens.AccessToken).payload;

  for (const claims of [id, access]) {
    assert.equal(claims.sub, user.sub);
    assert.equal(claims.iss, issuer);
    assert.equal(typeof claims.iat, 'number');
    assert.equal(claims.exp - claims.iat, 3600, 'default access/ID token validity is 60 minutes');
    assert.ok(Math.abs(claims.iat - now) < 120, 'iat is now');
    assert.equal(typeof claims.auth_time, 'number');
    assert.ok(claims.auth_time <= claims.iat && claims.iat - claims.auth_time < 120);
    assert.match(claims.jti, UUID);
    assert.match(claims.origin_jti, UUID);
    assert.match(claims.event_id, UUID);
    assert.equal(claims['cognito:groups'], undefined, 'no groups claim for a user in no group');
  }
  assert.notEqual(id.jti, access.jti);
  assert.equal(id.origin_jti, access.origin_jti);
  assert.equal(id.event_id, access.event_id);
  assert.equal(id.auth_time, access.auth_time);

  assert.equal(id.token_use, 'id');
  assert.equal(id.aud, clientId);
  assert.equal(id['cognito:username'], user.username);
  assert.equal(id.email, user.email);
  assert.equal(id.email_verified, true, 'email_verified is a JSON boolean in ID tokens');
  assert.equal(id.client_id, undefined);
  assert.equal(id.scope, undefined);

  assert.equal(access.token_use, 'access');
  assert.equal(access.client_id, clientId);
  assert.equal(access.aud, undefined, 'access tokens carry client_id, not aud');
  assert.equal(access.username, user.username);
  assert.equal(access.scope, ADMIN_SCOPE);
  assert.equal(access.email, undefined, 'user attributes are not in the access token');
});

test('cognito:groups appears in both tokens after AdminAddUserToGroup', async () => {
  const cognito = server.client();
  const { poolId, clientId, user } = await signedIn(cognito);
  for (const GroupName of ['readers', 'writers']) {
    await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName }));
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.username, GroupName }));
  }
  const { AuthenticationResult: tokens } = await passwordAuth(cognito, clientId, user.username, user.password);
  assert.deepEqual([...peek(tokens.IdToken).payload['cognito:groups']].sort(), ['readers', 'writers']);
  assert.deepEqual([...peek(tokens.AccessToken).payload['cognito:groups']].sort(), ['readers', 'writers']);
});

test('GetUser with the access token returns the user; a forged or foreign token → NotAuthorizedException', async () => {
  const cognito = server.client();
  const { user, tokens } = await signedIn(cognito);
  const got = await getUser(cognito, tokens.AccessToken);
  assert.equal(got.Username, user.username);
  const attributes = attributeMap(got.UserAttributes);
  assert.equal(attributes.sub, user.sub);
  assert.equal(attributes.email, user.email);
  assert.equal(attributes.email_verified, 'true');

  const [header, , signature] = tokens.AccessToken.split('.');
  const forged = Buffer.from(JSON.stringify({ ...peek(tokens.AccessToken).payload, username: 'someoneelse' })).toString('base64url');
  await expectAwsError(getUser(cognito, `${header}.${forged}.${signature}`), 'NotAuthorizedException');
  await expectAwsError(getUser(cognito, tokens.IdToken), 'NotAuthorizedException');
});

// --- Sign-out and revocation ----------------------------------------------------------------------------------------

test('GlobalSignOut revokes the access token and every refresh token of the user', async () => {
  const cognito = server.client();
  const { clientId, user, tokens } = await signedIn(cognito);
  const { AuthenticationResult: other } = await passwordAuth(cognito, clientId, user.username, user.password);

  await cognito.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
  const revoked = await expectAwsError(getUser(cognito, tokens.AccessToken), 'NotAuthorizedException');
  assert.equal(revoked.message, 'Access Token has been revoked');
  await expectAwsError(getUser(cognito, other.AccessToken), 'NotAuthorizedException');
  await expectAwsError(refresh(cognito, clientId, tokens.RefreshToken), 'NotAuthorizedException');
  await expectAwsError(refresh(cognito, clientId, other.RefreshToken), 'NotAuthorizedException');

  const again = await passwordAuth(cognito, clientId, user.username, user.password);
  await getUser(cognito, again.AuthenticationResult.AccessToken);
});

test('AdminUserGlobalSignOut revokes the user\'s tokens', async () => {
  const cognito = server.client();
  const { poolId, clientId, user, tokens } = await signedIn(cognito);
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: user.username }));
  const revoked = await expectAwsError(getUser(cognito, tokens.AccessToken), 'NotAuthorizedException');
  assert.equal(revoked.message, 'Access Token has been revoked');
  await expectAwsError(refresh(cognito, clientId, tokens.RefreshToken), 'NotAuthorizedException');
});

test('[row 24] RevokeToken revokes the refresh token and the access tokens issued from it, not other sessions', async () => {
  const cognito = server.client();
  const { clientId, user, tokens } = await signedIn(cognito);
  const { AuthenticationResult: other } = await passwordAuth(cognito, clientId, user.username, user.password);
  const { AuthenticationResult: refreshed } = await refresh(cognito, clientId, tokens.RefreshToken);

  const response = await cognito.send(new RevokeTokenCommand({ ClientId: clientId, Token: tokens.RefreshToken }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  const refused = await expectAwsError(refresh(cognito, clientId, tokens.RefreshToken), 'NotAuthorizedException');
  assert.equal(refused.message, 'Refresh Token has been revoked');
  await expectAwsError(getUser(cognito, tokens.AccessToken), 'NotAuthorizedException');
  await expectAwsError(getUser(cognito, refreshed.AccessToken), 'NotAuthorizedException');

  await getUser(cognito, other.AccessToken);
  await refresh(cognito, clientId, other.RefreshToken);
});

// --- Self-service: passwords, attributes, deletion ------------------------------------------------------------------

test('ForgotPassword sends a code; ConfirmForgotPassword sets the new password; a wrong code → CodeMismatchException', async () => {
  const cognito = server.client();
  const { clientId } = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, clientId);
  const forgot = await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username: user.username }));
  assert.equal(forgot.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(forgot.CodeDeliveryDetails.AttributeName, 'email');
  const code = await codeFor(server, user.email, 2);

  const confirm = (confirmationCode, password) => cognito.send(new ConfirmForgotPasswordCommand({
    ClientId: clientId, Username: user.username, ConfirmationCode: confirmationCode, Password: password,
  }));
  await expectAwsError(confirm(otherCode(code), NEW_PASSWORD), 'CodeMismatchException');
  await expectAwsError(confirm(code, 'weak'), 'InvalidPasswordException');
  await confirm(code, NEW_PASSWORD);

  assertAuthenticationResult((await passwordAuth(cognito, clientId, user.username, NEW_PASSWORD)).AuthenticationResult);
  await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'NotAuthorizedException');
});

test('ChangePassword: wrong previous password → NotAuthorizedException, weak → InvalidPasswordException, else changed', async () => {
  const cognito = server.client();
  const { clientId, user, tokens } = await signedIn(cognito);
  const change = (previous, proposed) => cognito.send(new ChangePasswordCommand({
    AccessToken: tokens.AccessToken, PreviousPassword: previous, ProposedPassword: proposed,
  }));
  await expectAwsError(change('Wr0ng-Password!', NEW_PASSWORD), 'NotAuthorizedException');
  await expectAwsError(change(user.password, 'weak'), 'InvalidPasswordException');
  const changed = await change(user.password, NEW_PASSWORD);
  assert.equal(changed.$metadata.httpStatusCode, 200);

  assertAuthenticationResult((await passwordAuth(cognito, clientId, user.username, NEW_PASSWORD)).AuthenticationResult);
  await expectAwsError(passwordAuth(cognito, clientId, user.username, user.password), 'NotAuthorizedException');
});

test('UpdateUserAttributes changes attributes; a new email is unverified until VerifyUserAttribute with its code', async () => {
  const cognito = server.client();
  const { poolId, user, tokens } = await signedIn(cognito);
  const newEmail = uniqueEmail('changed');
  const updated = await cognito.send(new UpdateUserAttributesCommand({
    AccessToken: tokens.AccessToken,
    UserAttributes: [{ Name: 'given_name', Value: 'Zoe' }, { Name: 'email', Value: newEmail }],
  }));
  assert.deepEqual(updated.CodeDeliveryDetailsList.map((d) => [d.AttributeName, d.DeliveryMedium]), [['email', 'EMAIL']]);

  let attributes = attributeMap((await adminGetUser(cognito, poolId, user.username)).UserAttributes);
  assert.equal(attributes.given_name, 'Zoe');
  assert.equal(attributes.email, newEmail);
  assert.equal(attributes.email_verified, 'false');

  const code = await codeFor(server, newEmail);
  await expectAwsError(cognito.send(new VerifyUserAttributeCommand({
    AccessToken: tokens.AccessToken, AttributeName: 'email', Code: otherCode(code),
  })), 'CodeMismatchException');
  await cognito.send(new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email', Code: code }));
  attributes = attributeMap((await adminGetUser(cognito, poolId, user.username)).UserAttributes);
  assert.equal(attributes.email_verified, 'true');

  await expectAwsError(cognito.send(new UpdateUserAttributesCommand({
    AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'custom:not_in_schema', Value: 'x' }],
  })), 'InvalidParameterException');
});

test('GetUserAttributeVerificationCode sends a code for the email; VerifyUserAttribute marks it verified', async () => {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito);
  const temporary = 'Temp-Passw0rd!';
  const email = uniqueEmail('unverified');
  const { username } = await createUser(cognito, poolId, {
    TemporaryPassword: temporary, UserAttributes: [{ Name: 'email', Value: email }],
  });
  const challenge = await passwordAuth(cognito, clientId, username, temporary);
  const { AuthenticationResult: tokens } = await cognito.send(new RespondToAuthChallengeCommand({
    ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: NEW_PASSWORD },
  }));
  assert.notEqual(attributeMap((await adminGetUser(cognito, poolId, username)).UserAttributes).email_verified, 'true');

  const sent = await cognito.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email' }));
  assert.equal(sent.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  assert.equal(sent.CodeDeliveryDetails.AttributeName, 'email');
  const code = await codeFor(server, email);
  await cognito.send(new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email', Code: code }));
  assert.equal(attributeMap((await adminGetUser(cognito, poolId, username)).UserAttributes).email_verified, 'true');
});

test('DeleteUser deletes the caller; its tokens stop working', async () => {
  const cognito = server.client();
  const { poolId, clientId, user, tokens } = await signedIn(cognito);
  const response = await cognito.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  await expectAwsError(adminGetUser(cognito, poolId, user.username), 'UserNotFoundException');
  await expectAwsError(getUser(cognito, tokens.AccessToken), 'NotAuthorizedException');
  await expectAwsError(refresh(cognito, clientId, tokens.RefreshToken), 'NotAuthorizedException');
});

test('GetUser answers for the token\'s own pool even when another pool has a user of the same name', async () => {
  const cognito = server.client();
  const first = await signedIn(cognito);
  const second = await authSetup(cognito);
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: second.poolId, Username: first.user.username, MessageAction: 'SUPPRESS',
  }));
  const got = await getUser(cognito, first.tokens.AccessToken);
  assert.equal(attributeMap(got.UserAttributes).sub, first.user.sub);
  assert.equal(attributeMap(got.UserAttributes).email, first.user.email);
});
