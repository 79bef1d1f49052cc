// Forward-auth decisions per second (and per CPU-second of the server), reproducible:
//
//   dotnet build src/Gatehouse.Server -c Release
//   (cd tests/compat && npm ci)          # the signer and SDK clients this script borrows
//   node bench/forward-auth/run.mjs [--seconds 20] [--connections 32] [--paths 64] [--via-nginx | --baseline]
//
// It starts a Gatehouse server on a fresh SQLite store (tests/compat/lib/server.mjs), makes a user pool, an IAM OIDC
// provider for it and a role whose policy uses ${<provider>:sub} (rows written with sqlite3, as the compat test does
// without the IAM API), gets temporary credentials with AssumeRoleWithWebIdentity, pre-signs --paths requests
// (SigV4 signatures stay valid for the 15-minute window, so a signed request can be replayed for the run), then
// keeps --connections keep-alive connections busy asking /authorization/forward-auth as nginx's auth_request
// would (or, with --via-nginx, the whole nginx → forward-auth → backend path). Half the paths are allowed, half
// denied. Reported: decisions/s, status counts, and the server's CPU time from /proc/<pid>/stat, which gives
// decisions per CPU-second: the per-core figure, independent of how many cores the machine lends.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { createClient, createPool, GOOD_PASSWORD } from '../../tests/compat/lib/builders.mjs';
import { startBackend, startNginx } from '../../tests/compat/lib/nginx.mjs';
import { ADMIN_KEY, REGION, startServer } from '../../tests/compat/lib/server.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    paths: { type: 'string', default: '64' },
    'via-nginx': { type: 'boolean', default: false },
    // The same requests to a path nothing serves (404): what Kestrel and the middleware cost without the decision.
    baseline: { type: 'boolean', default: false },
  },
});
// The SDK clients and the signer come from the compat tests' node_modules.
const require = createRequire(new URL('../../tests/compat/package.json', import.meta.url));
const { AdminCreateUserCommand, AdminInitiateAuthCommand, AdminSetUserPasswordCommand } = require('@aws-sdk/client-cognito-identity-provider');
const { AssumeRoleWithWebIdentityCommand, STSClient } = require('@aws-sdk/client-sts');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { HttpRequest } = require('@smithy/protocol-http');
const { SignatureV4 } = require('@smithy/signature-v4');
const here = path.dirname(fileURLToPath(import.meta.url));
process.env.GATEHOUSE_SERVER_DLL ??= path.resolve(here, '../../src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll');

const server = await startServer({ env: { Logging__LogLevel__Default: 'Warning' } });
const cleanup = [];
try {
  const target = await prepare();
  cleanup.push(...target.cleanup);
  await drive(target, Number(args.warmup), false);
  const pid = serverPid(server.endpoint);
  const cpuBefore = cpuSeconds(pid);
  const result = await drive(target, Number(args.seconds), true);
  const cpu = cpuSeconds(pid) - cpuBefore;
  const rate = result.done / result.seconds;
  console.log(JSON.stringify({
    mode: args['via-nginx'] ? 'nginx → forward-auth → backend' : args.baseline ? 'same requests, 404 route (baseline)' : 'forward-auth direct',
    connections: Number(args.connections),
    seconds: Number(result.seconds.toFixed(2)),
    decisions: result.done,
    decisionsPerSecond: Math.round(rate),
    statuses: result.statuses,
    serverCpuSeconds: Number(cpu.toFixed(2)),
    decisionsPerServerCpuSecond: Math.round(result.done / cpu),
    cores: (await import('node:os')).cpus().length,
  }, null, 2));
} finally {
  for (const stop of cleanup.reverse()) {
    await stop();
  }
  await server.stop();
}

async function prepare() {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const client = await createClient(cognito, pool.Id, { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const hostPath = `${new URL(server.endpoint).host}/${pool.Id}`;
  const db = path.join(server.dataDir, 'gatehouse.db');
  const sql = (s) => execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, s]);
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  sql(`INSERT INTO IamOidcProviders (HostPath, Url, ClientIds, Thumbprints, Tags, CreatedAt) VALUES (${q(hostPath)}, ${q(`http://${hostPath}`)}, ${q(JSON.stringify([client.ClientId]))}, '[]', '{}', ${Date.now()})`);
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::000000000000:oidc-provider/${hostPath}` }, Action: 'sts:AssumeRoleWithWebIdentity' }] });
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:*:*:myapi/*/GET/private/\${${hostPath}:sub}/*` },
    { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:myapi/*/GET/public/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:myapi/*/*/admin/*' },
  ] });
  const roleId = `AROA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
  sql(`INSERT INTO IamRoles (RoleId, RoleName, NameKey, Path, AssumeRolePolicyDocument, MaxSessionDuration, Tags, CreatedAt, Version) VALUES (${q(roleId)}, 'bench', 'bench', '/', ${q(trust)}, 3600, '{}', ${Date.now()}, 0)`);
  sql(`INSERT INTO IamRolePolicies (RoleId, PolicyName, Document) VALUES (${q(roleId)}, 'access', ${q(policy)})`);

  const created = await cognito.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: 'bench', MessageAction: 'SUPPRESS' }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: 'bench', Password: GOOD_PASSWORD, Permanent: true }));
  const auth = await cognito.send(new AdminInitiateAuthCommand({ UserPoolId: pool.Id, ClientId: client.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bench', PASSWORD: GOOD_PASSWORD } }));
  const sub = created.User.Attributes.find((a) => a.Name === 'sub').Value;
  const sts = new STSClient({ region: REGION, endpoint: server.endpoint, credentials: ADMIN_KEY, maxAttempts: 1 });
  const { Credentials } = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::000000000000:role/bench', RoleSessionName: 'bench', WebIdentityToken: auth.AuthenticationResult.IdToken }));
  const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };

  const stops = [];
  let endpoint = server.endpoint;
  let nginxHost = null;
  if (args['via-nginx']) {
    const backend = await startBackend();
    const proxy = await startNginx({ gatehouse: server.endpoint, backendPort: backend.port, api: 'myapi' });
    stops.push(backend.stop, proxy.stop);
    endpoint = proxy.endpoint;
    nginxHost = new URL(proxy.endpoint).host;
  }

  const host = nginxHost ?? 'api.example.com';
  const signer = new SignatureV4({ service: 'execute-api', region: REGION, credentials, sha256: Sha256 });
  const requests = [];
  for (let i = 0; i < Number(args.paths); i++) {
    const kind = ['private-own', 'public', 'private-other', 'admin'][i % 4];
    const p = { 'private-own': `/private/${sub}/item-${i}`, public: `/public/doc-${i}`, 'private-other': `/private/someone-else/item-${i}`, admin: `/admin/x-${i}` }[kind];
    const signed = await signer.sign(new HttpRequest({ method: 'GET', protocol: 'http:', hostname: host.split(':')[0], path: p, headers: { host } }));
    const headers = { ...signed.headers };
    if (!args['via-nginx']) {
      Object.assign(headers, {
        'x-original-method': 'GET', 'x-original-uri': p, 'x-original-host': host,
        'x-real-ip': '127.0.0.1', 'x-forwarded-proto': 'http', 'x-gatehouse-api': 'myapi',
      });
      delete headers.host;
    }
    const route = args.baseline ? '/no-such-route' : '/authorization/forward-auth';
    requests.push({ path: args['via-nginx'] ? p : route, headers });
  }
  return { endpoint, requests, cleanup: stops };
}

async function drive({ endpoint, requests }, seconds, count) {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: Number(args.connections) });
  const statuses = {};
  let done = 0;
  const started = process.hrtime.bigint();
  const until = Date.now() + seconds * 1000;
  const one = (r) => new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: r.path, method: 'GET', headers: r.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => { statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1; resolve(); });
    });
    req.on('error', reject);
    req.end();
  });
  const worker = async (w) => {
    for (let i = w; Date.now() < until; i += Number(args.connections)) {
      await one(requests[i % requests.length]);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Number(args.connections) }, (_, w) => worker(w)));
  agent.destroy();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return count ? { done, seconds: elapsed, statuses } : null;
}

/** The PID listening on the server's port: the dotnet child of startServer. */
function serverPid(endpoint) {
  const port = new URL(endpoint).port;
  const out = execFileSync('ss', ['-Htlnp', `sport = :${port}`]).toString();
  const match = /pid=(\d+)/.exec(out);
  if (!match) {
    throw new Error(`no process listens on ${port}: ${out}`);
  }
  return Number(match[1]);
}

function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}
