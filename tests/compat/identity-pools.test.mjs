// Identity pools (cognito-identity) sign-in against Gatehouse with the official clients:
// @aws-sdk/client-cognito-identity 3.1164.0 (GetId, GetOpenIdToken, GetCredentialsForIdentity),
// @aws-sdk/credential-providers 3.1175.0 `fromCognitoIdentityPool` (enhanced flow: GetId + GetCredentialsForIdentity),
// Amplify v6 `fetchAuthSession` (@aws-amplify/auth 6.21.1 + core 6.19.2, identityPoolEndpoint for the custom endpoint),
// and STS GetCallerIdentity (@aws-sdk/client-sts 3.1177.0) signed with the credentials they got.
//
// The roles come from the console's "create default roles" route (the IAM API is another feature), so their trust
// policies are the console's: aud = the pool, amr = authenticated / unauthenticated.
// Amplify builds the Logins key from the ID token's `iss` without its scheme: `127.0.0.1:<port>/<poolId>`, which is
// the CognitoIdentityProvider ProviderName the pool must list.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
} from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { fetchAuthSession, signIn, signOut } from '@aws-amplify/auth';
import { cognitoCredentialsProvider, cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import { AsyncMapStorage, authSetup, passwordAuth, peek } from './lib/auth.mjs';
import { GOOD_PASSWORD, createUser } from './lib/builders.mjs';
import { ADMIN_KEY, REGION, expectAwsError, unique, useServer } from './lib/server.mjs';
import { AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';

const server = useServer();
const IDENTITY_ID = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

ConsoleLogger.LOG_LEVEL = 'ERROR';

let storage = new AsyncMapStorage();

beforeEach(() => {
  storage = new AsyncMapStorage();
});

function identityClient() {
  return new CognitoIdentityClient({
    region: REGION,
    endpoint: server.endpoint,
    credentials: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: ADMIN_KEY.secretAccessKey },
    maxAttempts: 1,
  });
}

function sts(credentials) {
  return new STSClient({ region: REGION, endpoint: server.endpoint, credentials, maxAttempts: 1 });
}

/** An identity pool (CreateIdentityPool, signed) with the console's default roles. */
async function identityPool(input = {}) {
  const created = await identityClient().send(new CreateIdentityPoolCommand({
    IdentityPoolName: unique('ip').replace(/[^\w]/g, ''),
    AllowUnauthenticatedIdentities: true,
    ...input,
  }));
  const basic = Buffer.from(`${ADMIN_KEY.accessKeyId}:${ADMIN_KEY.secretAccessKey}`).toString('base64');
  const response = await fetch(
    `${server.endpoint}/console/api/identitypools/${encodeURIComponent(created.IdentityPoolId)}/default-roles`,
    { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  assert.equal(response.status, 200, await response.clone().text());
  return { poolId: created.IdentityPoolId, roles: await response.json() };
}

/** A user pool, a public client and a confirmed user; the provider name Amplify and SDK users put in Logins. */
async function userPoolUser() {
  const cognito = server.client();
  const setup = await authSetup(cognito);
  const { username } = await createUser(cognito, setup.poolId);
  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: setup.poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true,
  }));
  const providerName = `${new URL(server.endpoint).host}/${setup.poolId}`;
  return { ...setup, cognito, username, providerName };
}

async function idTokenOf(user) {
  const { AuthenticationResult } = await passwordAuth(user.cognito, user.clientId, user.username, GOOD_PASSWORD);
  return AuthenticationResult.IdToken;
}

test('GetId and GetCredentialsForIdentity: a guest gets the unauthenticated role', async () => {
  const { poolId, roles } = await identityPool();
  const client = identityClient();

  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
  const { Credentials, IdentityId: echoed } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));

  assert.match(IdentityId, IDENTITY_ID);
  assert.equal(echoed, IdentityId);
  assert.match(Credentials.AccessKeyId, /^ASIA/);
  assert.ok(Credentials.SecretKey);
  assert.ok(Credentials.SessionToken);
  assert.ok(Credentials.Expiration instanceof Date);
  const caller = await sts({
    accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretKey, sessionToken: Credentials.SessionToken,
  }).send(new GetCallerIdentityCommand({}));
  assert.equal(caller.Arn.split('/')[1], roles.unauthenticated.split('/').at(-1));
  assert.equal(caller.Arn.split('/')[2], 'CognitoIdentityCredentials');
});

test('GetOpenIdToken: the classic flow token names the identity and the pool', async () => {
  const { poolId } = await identityPool({ AllowClassicFlow: true });
  const client = identityClient();
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));

  const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId }));

  const { header, payload } = peek(Token);
  assert.equal(header.alg, 'RS256');
  assert.ok(header.kid);
  assert.equal(payload.sub, IdentityId);
  assert.equal(payload.aud, poolId);
  assert.deepEqual(payload.amr, ['unauthenticated']);
  assert.equal(payload.iss, `${server.endpoint}/cognito-identity`);
});

test('GetId: guests disabled answers NotAuthorizedException', async () => {
  const { poolId } = await identityPool({ AllowUnauthenticatedIdentities: false });

  await expectAwsError(identityClient().send(new GetIdCommand({ IdentityPoolId: poolId })), 'NotAuthorizedException');
});

test('fromCognitoIdentityPool: guest credentials', async () => {
  const { poolId, roles } = await identityPool();
  const provider = fromCognitoIdentityPool({
    identityPoolId: poolId,
    clientConfig: { region: REGION, endpoint: server.endpoint, maxAttempts: 1 },
  });

  const credentials = await provider();

  assert.match(credentials.accessKeyId, /^ASIA/);
  assert.match(credentials.identityId, IDENTITY_ID);
  const caller = await sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.ok(caller.Arn.includes(`/${roles.unauthenticated.split('/').at(-1)}/`));
});

test('fromCognitoIdentityPool: a user-pool ID token gets the authenticated role', async () => {
  const user = await userPoolUser();
  const { poolId, roles } = await identityPool({
    CognitoIdentityProviders: [{ ProviderName: user.providerName, ClientId: user.clientId }],
  });
  const logins = { [user.providerName]: await idTokenOf(user) };
  const provider = fromCognitoIdentityPool({
    identityPoolId: poolId,
    logins,
    clientConfig: { region: REGION, endpoint: server.endpoint, maxAttempts: 1 },
  });

  const credentials = await provider();
  const again = await identityClient().send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));

  assert.equal(again.IdentityId, credentials.identityId);
  const caller = await sts(credentials).send(new GetCallerIdentityCommand({}));
  assert.ok(caller.Arn.includes(`/${roles.authenticated.split('/').at(-1)}/`));
});

test('[row 66] GetCredentialsForIdentity: another identity\'s login is refused', async () => {
  const user = await userPoolUser();
  const { poolId } = await identityPool({
    CognitoIdentityProviders: [{ ProviderName: user.providerName, ClientId: user.clientId }],
  });
  const client = identityClient();
  const guest = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
  const logins = { [user.providerName]: await idTokenOf(user) };
  await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));

  await expectAwsError(client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId, Logins: logins })),
    'NotAuthorizedException');
});

/** Amplify configured for the user pool and the identity pool on the test server, with this test's storage. */
function configureAmplify(user, identityPoolId) {
  const auth = {
    Cognito: {
      userPoolId: user.poolId,
      userPoolClientId: user.clientId,
      userPoolEndpoint: server.endpoint,
      identityPoolId,
      identityPoolEndpoint: server.endpoint,
      allowGuestAccess: true,
    },
  };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  cognitoCredentialsProvider.clearCredentialsAndIdentityId();
  Amplify.configure({ Auth: auth },
    { Auth: { tokenProvider: cognitoUserPoolsTokenProvider, credentialsProvider: cognitoCredentialsProvider } });
}

test('Amplify fetchAuthSession: guest, then signed in, with credentials STS accepts', async () => {
  const user = await userPoolUser();
  const { poolId, roles } = await identityPool({
    CognitoIdentityProviders: [{ ProviderName: user.providerName, ClientId: user.clientId }],
  });
  configureAmplify(user, poolId);

  const guest = await fetchAuthSession();
  await signIn({ username: user.username, password: GOOD_PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  const signedIn = await fetchAuthSession({ forceRefresh: true });

  assert.match(guest.identityId, IDENTITY_ID);
  assert.match(guest.credentials.accessKeyId, /^ASIA/);
  assert.match(signedIn.identityId, IDENTITY_ID);
  assert.ok(signedIn.tokens?.idToken);
  const caller = await sts(signedIn.credentials).send(new GetCallerIdentityCommand({}));
  assert.ok(caller.Arn.includes(`/${roles.authenticated.split('/').at(-1)}/`));
  await signOut();
});
