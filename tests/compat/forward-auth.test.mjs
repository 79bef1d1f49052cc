// Forward-auth through a real nginx: temporary credentials from STS AssumeRoleWithWebIdentity (with a user pool's
// ID token, through an IAM OIDC provider), signed with @smithy/signature-v4, decided by the role's policy on
// Gatehouse's /authorization/forward-auth, served by a tiny backend.
//
// Roles and the OIDC provider are made with the IAM Query API when this build has it (CreateRole, PutRolePolicy,
// CreateOpenIDConnectProvider); until then they are written into the server's SQLite store with the sqlite3 command
// line (test-only: the IAM API is another feature's). With PostgreSQL and no IAM API the test is skipped.
//
// The identity-pool version signs with fromCognitoIdentityPool credentials (enhanced flow) and a role whose policy
// uses ${cognito-identity.amazonaws.com:sub}; `signedRequest(endpoint, path, credentials)` in lib/nginx.mjs takes
// any credentials of that shape.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  AdminCreateUserCommand, AdminInitiateAuthCommand, AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateOpenIDConnectProviderCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { createClient, createPool, GOOD_PASSWORD } from './lib/builders.mjs';
import { nginxAvailable, signedRequest, startBackend, startNginx } from './lib/nginx.mjs';
import { ADMIN_KEY, REGION, startServer, unique } from './lib/server.mjs';

const skip = !nginxAvailable() ? 'nginx is not installed' : false;
let server;
let backend;
let proxy;
let fixture;

before(async () => {
  if (skip) {
    return;
  }
  server = await startServer();
  backend = await startBackend();
  proxy = await startNginx({ gatehouse: server.endpoint, backendPort: backend.port, api: 'myapi' });
  fixture = await setUp();
}, { timeout: 150_000 });

after(async () => {
  await proxy?.stop();
  await backend?.stop();
  await server?.stop();
});

const admin = { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: ADMIN_KEY.secretAccessKey };

async function setUp() {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const client = await createClient(cognito, pool.Id, { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const hostPath = `${new URL(server.endpoint).host}/${pool.Id}`;
  const store = await iamStore(hostPath);
  await store.oidcProvider(hostPath, client.ClientId);
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::000000000000:oidc-provider/${hostPath}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${hostPath}:aud`]: client.ClientId } },
    }],
  });
  const ownPrivate = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: [`arn:aws:execute-api:*:*:myapi/*/GET/private/\${${hostPath}:sub}/*`, 'arn:aws:execute-api:*:*:myapi/*/GET/public/*'],
    }],
  });
  const publicOnly = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:myapi/*/GET/public/*' }],
  });
  const userRole = await store.role(unique('users'), trust, ownPrivate);
  const guestRole = await store.role(unique('guests'), trust, publicOnly);
  const a = await signIn(cognito, pool.Id, client.ClientId);
  const b = await signIn(cognito, pool.Id, client.ClientId);
  return { userRole, guestRole, a, b, hostPath, clientId: client.ClientId, store };
}

async function signIn(cognito, poolId, clientId) {
  const username = unique('u');
  const created = await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  const auth = await cognito.send(new AdminInitiateAuthCommand({
    UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
  }));
  const sub = created.User.Attributes.find((x) => x.Name === 'sub').Value;
  return { sub, idToken: auth.AuthenticationResult.IdToken };
}

async function assume(roleArn, idToken) {
  // Unsigned, as the SDK sends AssumeRoleWithWebIdentity to a custom endpoint.
  const sts = new STSClient({ region: REGION, endpoint: server.endpoint, credentials: admin, maxAttempts: 1 });
  const { Credentials } = await sts.send(new AssumeRoleWithWebIdentityCommand({
    RoleArn: roleArn, RoleSessionName: 'web', WebIdentityToken: idToken,
  }));
  return { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
}

/** Creates roles and the OIDC provider through IAM when built, else in the SQLite store directly. */
async function iamStore() {
  const iam = new IAMClient({ region: REGION, endpoint: server.endpoint, credentials: admin, maxAttempts: 1 });
  let viaApi = true;
  try {
    await iam.send(new CreateRoleCommand({ RoleName: unique('probe'), AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}' }));
  } catch (error) {
    if (!/Unsupported|InvalidAction/.test(error.name ?? '')) {
      throw error;
    }
    viaApi = false;
  }
  if (viaApi) {
    return {
      async oidcProvider(hostPath, clientId) {
        await iam.send(new CreateOpenIDConnectProviderCommand({ Url: `http://${hostPath}`, ClientIDList: [clientId], ThumbprintList: ['0'.repeat(40)] }));
      },
      async role(name, trust, policy) {
        const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
        await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'access', PolicyDocument: policy }));
        return Role.Arn;
      },
    };
  }
  if (process.env.GATEHOUSE_TEST_POSTGRES) {
    throw new Error('no IAM API in this build and the store is PostgreSQL: cannot create roles');
  }
  const db = path.join(server.dataDir, 'gatehouse.db');
  const sql = (statement) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, statement]);
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  const now = Date.now();
  return {
    async oidcProvider(hostPath, clientId) {
      sql(`INSERT INTO IamOidcProviders (HostPath, Url, ClientIds, Thumbprints, Tags, CreatedAt) VALUES (${q(hostPath)}, ${q(`http://${hostPath}`)}, ${q(JSON.stringify([clientId]))}, '[]', '{}', ${now})`);
    },
    async role(name, trust, policy) {
      const id = `AROA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
      sql(`INSERT INTO IamRoles (RoleId, RoleName, NameKey, Path, AssumeRolePolicyDocument, MaxSessionDuration, Tags, CreatedAt, Version) VALUES (${q(id)}, ${q(name)}, ${q(name.toLowerCase())}, '/', ${q(trust)}, 3600, '{}', ${now}, 0)`);
      sql(`INSERT INTO IamRolePolicies (RoleId, PolicyName, Document) VALUES (${q(id)}, 'access', ${q(policy)})`);
      return `arn:aws:iam::000000000000:role/${name}`;
    },
  };
}

test('user A reads their own private path through nginx', { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const response = await signedRequest(proxy.endpoint, `/private/${fixture.a.sub}/x`, credentials);
  assert.equal(response.status, 200, response.body);
  const seen = JSON.parse(response.body);
  assert.equal(seen.url, `/private/${fixture.a.sub}/x`);
  assert.match(seen.principal, /^arn:aws:sts::000000000000:assumed-role\/users-.*\/web$/);
});

test("user A is refused at user B's private path (403)", { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const response = await signedRequest(proxy.endpoint, `/private/${fixture.b.sub}/x`, credentials);
  assert.equal(response.status, 403);
});

test('the guest-like role reaches only /public/', { skip }, async () => {
  const credentials = await assume(fixture.guestRole, fixture.b.idToken);
  const open = await signedRequest(proxy.endpoint, '/public/readme.txt?lang=en', credentials);
  const closed = await signedRequest(proxy.endpoint, `/private/${fixture.b.sub}/x`, credentials);
  assert.equal(open.status, 200, open.body);
  assert.equal(closed.status, 403);
});

test('a tampered session token is refused (401)', { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const token = credentials.sessionToken;
  const tampered = { ...credentials, sessionToken: `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}` };
  const response = await signedRequest(proxy.endpoint, `/private/${fixture.a.sub}/x`, tampered);
  assert.equal(response.status, 401);
});

test('a request signed for another path is refused (401)', { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const response = await signedRequest(proxy.endpoint, `/private/${fixture.a.sub}/x`, credentials, {
    tamper: (headers) => { headers.authorization = headers.authorization.replace(/Signature=[0-9a-f]+/, `Signature=${'0'.repeat(64)}`); },
  });
  assert.equal(response.status, 401);
});

test('unsigned requests and the admin key are refused (401)', { skip }, async () => {
  const unsigned = await signedRequest(proxy.endpoint, '/public/x', credentialsless(), { tamper: (h) => { delete h.authorization; } });
  const adminSigned = await signedRequest(proxy.endpoint, '/public/x', admin);
  assert.equal(unsigned.status, 401);
  assert.equal(adminSigned.status, 401);
});

test('a dot-segment path cannot borrow another path\'s policy (403)', { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const response = await signedRequest(proxy.endpoint, `/private/${fixture.a.sub}/../${fixture.b.sub}/x`, credentials);
  assert.notEqual(response.status, 200);
});

test('the same credentials call STS GetCallerIdentity (the assumed role)', { skip }, async () => {
  const credentials = await assume(fixture.userRole, fixture.a.idToken);
  const sts = new STSClient({ region: REGION, endpoint: server.endpoint, credentials, maxAttempts: 1 });
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  assert.match(identity.Arn, /^arn:aws:sts::000000000000:assumed-role\/users-[^/]+\/web$/);
  assert.match(identity.UserId, /^AROA[A-Z0-9]+:web$/);
  assert.equal(identity.Account, '000000000000');
});

test('identity-pool credentials (fromCognitoIdentityPool) reach only their identity\'s path', { skip }, async () => {
  const identity = new CognitoIdentityClient({ region: REGION, endpoint: server.endpoint, credentials: admin, maxAttempts: 1 });
  const { IdentityPoolId } = await identity.send(new CreateIdentityPoolCommand({
    IdentityPoolName: unique('fa').replace(/[^\w]/g, ''),
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: fixture.hostPath, ClientId: fixture.clientId }],
  }));
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': IdentityPoolId },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    }],
  });
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: 'arn:aws:execute-api:*:*:myapi/*/GET/private/${cognito-identity.amazonaws.com:sub}/*',
    }],
  });
  const role = await fixture.store.role(unique('idp'), trust, policy);
  await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: role } }));
  const provider = fromCognitoIdentityPool({
    identityPoolId: IdentityPoolId,
    logins: { [fixture.hostPath]: fixture.a.idToken },
    clientConfig: { region: REGION, endpoint: server.endpoint, maxAttempts: 1 },
  });
  const credentials = await provider();

  const own = await signedRequest(proxy.endpoint, `/private/${credentials.identityId}/x`, credentials);
  const other = await signedRequest(proxy.endpoint, `/private/${fixture.a.sub}/x`, credentials);

  assert.equal(own.status, 200, own.body);
  assert.equal(JSON.parse(own.body).identityId, credentials.identityId);
  assert.equal(other.status, 403);
});

function credentialsless() {
  return { accessKeyId: 'ASIANONE', secretAccessKey: 'none' };
}
