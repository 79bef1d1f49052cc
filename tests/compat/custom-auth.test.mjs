// CUSTOM_AUTH with the browser libraries and unchanged Lambda handlers (tests/lambda-host/handlers: a one-time code
// per round, three rounds, SRP first when the client starts with it): amazon-cognito-identity-js 6.3.21
// (authenticateUser with authenticationFlowType CUSTOM_AUTH, which sends SRP_A with CHALLENGE_NAME=SRP_A, and
// initiateAuth, which does not) and Amplify v6 signIn with authFlowType CUSTOM_WITHOUT_SRP / CUSTOM_WITH_SRP, then
// confirmSignIn. The create handler "sends" each code to the code outbox of tests/lambda-host/lib.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { confirmSignIn, fetchAuthSession, signIn } from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { ALL_FLOWS, AsyncMapStorage, MapStorage, authSetup, peek } from './lib/auth.mjs';
import { GOOD_PASSWORD, createUser } from './lib/builders.mjs';
import { CUSTOM_AUTH_TRIGGERS, codeCount, lastCode, useLambdaHost } from './lib/lambda.mjs';
import { useServer } from './lib/server.mjs';

const { host, serverEnv } = await useLambdaHost();
const server = useServer({ env: serverEnv });
ConsoleLogger.LOG_LEVEL = 'ERROR';

let storage = new AsyncMapStorage();
beforeEach(() => {
  storage = new AsyncMapStorage();
});

/** A pool with the three custom-auth handlers, a public client allowing CUSTOM_AUTH, and a confirmed user. */
async function customSetup(client = {}) {
  const cognito = server.client();
  const { poolId, clientId } = await authSetup(cognito, {
    pool: { LambdaConfig: { ...CUSTOM_AUTH_TRIGGERS } },
    client: { ExplicitAuthFlows: [...ALL_FLOWS, 'ALLOW_CUSTOM_AUTH'], ...client },
  });
  const { username, email } = await createUser(cognito, poolId);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  return { cognito, poolId, clientId, username, email };
}

function identityJsUser(poolId, clientId, username) {
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: new MapStorage() });
  const user = new CognitoUser({ Username: username, Pool: pool, Storage: pool.storage });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  return user;
}

/**
 * Runs identity-js's callbacks: `answers(parameters, round)` gives the answer of each CUSTOM_CHALLENGE; resolves
 * `{ session, rounds, parameters }` on success, rejects with the library's error.
 */
function signInWithChallenges(user, start, answers) {
  return new Promise((resolve, reject) => {
    let rounds = 0;
    const seen = [];
    const callbacks = {
      onSuccess: (session) => resolve({ session, rounds, parameters: seen }),
      onFailure: reject,
      customChallenge(parameters) {
        rounds += 1;
        seen.push(parameters);
        user.sendCustomChallengeAnswer(answers(parameters, rounds), callbacks);
      },
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
    };
    start(callbacks);
  });
}

test('identity-js authenticateUser (CUSTOM_AUTH with SRP first) → customChallenge → the emailed code → tokens', async () => {
  const { poolId, clientId, username, email } = await customSetup();
  const user = identityJsUser(poolId, clientId, username);
  const details = new AuthenticationDetails({ Username: username, Password: GOOD_PASSWORD });
  const calls = host.invocations.length;

  const { session, rounds, parameters } = await signInWithChallenges(user,
    (callbacks) => user.authenticateUser(details, callbacks), () => lastCode(email));

  assert.equal(rounds, 1);
  assert.equal(parameters[0].round, '1');
  assert.match(parameters[0].destination, /^.\*\*\*@example\.com$/);
  assert.equal(parameters[0].answer, undefined, 'the code stays private');
  assert.equal(peek(session.getIdToken().getJwtToken()).payload['cognito:username'], username);
  const defines = host.invocations.slice(calls).filter((i) => i.functionName === 'define-auth-challenge');
  assert.deepEqual(defines.at(-1).event.request.session.map((s) => [s.challengeName, s.challengeResult]),
    [['SRP_A', true], ['PASSWORD_VERIFIER', true], ['CUSTOM_CHALLENGE', true]]);
});

test('identity-js authenticateUser with a wrong password fails before any code is sent', async () => {
  const { poolId, clientId, username, email } = await customSetup();
  const user = identityJsUser(poolId, clientId, username);
  const details = new AuthenticationDetails({ Username: username, Password: 'Wr0ng-Password!' });

  await assert.rejects(signInWithChallenges(user, (callbacks) => user.authenticateUser(details, callbacks), () => 'x'),
    (error) => error.name === 'NotAuthorizedException' && error.message === 'Incorrect username or password.');
  assert.equal(codeCount(email), 0);
});

test('identity-js initiateAuth (CUSTOM_AUTH without SRP): two wrong codes, then the third round is right', async () => {
  const { poolId, clientId, username, email } = await customSetup();
  const user = identityJsUser(poolId, clientId, username);
  const details = new AuthenticationDetails({ Username: username });

  const { rounds, parameters, session } = await signInWithChallenges(user, (callbacks) => user.initiateAuth(details, callbacks),
    (_, round) => (round < 3 ? '000000x' : lastCode(email)));

  assert.equal(rounds, 3);
  assert.deepEqual(parameters.map((p) => p.round), ['1', '2', '3']);
  assert.equal(codeCount(email), 3, 'a fresh code every round');
  assert.ok(session.isValid());
});

test('identity-js: three wrong codes → NotAuthorizedException', async () => {
  const { poolId, clientId, username } = await customSetup();
  const user = identityJsUser(poolId, clientId, username);

  await assert.rejects(
    signInWithChallenges(user, (callbacks) => user.initiateAuth(new AuthenticationDetails({ Username: username }), callbacks),
      () => 'wrong'),
    (error) => error.name === 'NotAuthorizedException' && error.message === 'Incorrect username or password.');
});

function configureAmplify(poolId, clientId) {
  const auth = { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.endpoint } };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
}

test('Amplify signIn CUSTOM_WITHOUT_SRP → CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE → confirmSignIn (wrong, then right)', async () => {
  const { poolId, clientId, username, email } = await customSetup();
  configureAmplify(poolId, clientId);

  const started = await signIn({ username, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
  assert.equal(started.isSignedIn, false);
  assert.equal(started.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
  assert.equal(started.nextStep.additionalInfo.round, '1');

  const wrong = await confirmSignIn({ challengeResponse: 'not-the-code' });
  assert.equal(wrong.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
  assert.equal(wrong.nextStep.additionalInfo.round, '2');

  const done = await confirmSignIn({ challengeResponse: lastCode(email) });
  assert.equal(done.isSignedIn, true);
  assert.equal(done.nextStep.signInStep, 'DONE');
  const { tokens } = await fetchAuthSession();
  assert.equal(tokens.accessToken.payload.username, username);
});

test('Amplify signIn CUSTOM_WITH_SRP (password verified first) → confirmSignIn → signed in', async () => {
  const { poolId, clientId, username, email } = await customSetup();
  configureAmplify(poolId, clientId);
  const before = codeCount(email);

  const started = await signIn({ username, password: GOOD_PASSWORD, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
  assert.equal(started.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE');
  assert.equal(codeCount(email), before + 1);

  const done = await confirmSignIn({ challengeResponse: lastCode(email) });
  assert.equal(done.isSignedIn, true);
  const { tokens } = await fetchAuthSession();
  assert.equal(tokens.idToken.payload.email, email);
});

test('Amplify CUSTOM_WITH_SRP with a wrong password → NotAuthorizedException', async () => {
  const { poolId, clientId, username } = await customSetup();
  configureAmplify(poolId, clientId);

  await assert.rejects(signIn({ username, password: 'Wr0ng-Password!', options: { authFlowType: 'CUSTOM_WITH_SRP' } }),
    (error) => error.name === 'NotAuthorizedException');
});
