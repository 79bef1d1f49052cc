// The compat harness: runs the built Gatehouse server as a child process on a fresh store, once per test file.
//
//   import { useServer, expectAwsError } from './lib/server.mjs';
//   const server = useServer();              // registers before/after hooks
//   test('...', async () => { const cognito = server.client(); ... });
//
// Environment (as eng/test.sh sets it):
//   GATEHOUSE_SERVER_DLL     absolute path to Gatehouse.Server.dll (default: the Release build in this checkout)
//   GATEHOUSE_TEST_POSTGRES  Npgsql connection string of a PostgreSQL server; empty means SQLite. Each server gets
//                            a database of its own, created with psql and dropped at the end.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

// Node 20 is what this machine has; the SDK's notice that later versions need Node 22 is noise in every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The admin key every test server is started with (AWS's shape: 20-character id, 40-character secret). */
export const ADMIN_KEY = Object.freeze({
  accessKeyId: 'AKGHCOMPATTESTKEY001',
  secretAccessKey: 'compatTestSecretKey0123456789abcdefghijk',
});

export const REGION = 'us-east-1';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

export function serverDll() {
  const configured = process.env.GATEHOUSE_SERVER_DLL;
  if (configured) {
    return path.resolve(configured);
  }
  return path.resolve(here, '../../../src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll');
}

/** A loopback port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres` → a map with lower-case keys. */
export function parseNpgsql(connectionString) {
  const parts = new Map();
  for (const piece of connectionString.split(';')) {
    const at = piece.indexOf('=');
    if (at > 0) {
      parts.set(piece.slice(0, at).trim().toLowerCase(), piece.slice(at + 1).trim());
    }
  }
  return parts;
}

function psql(parts, sql) {
  const host = parts.get('host') ?? parts.get('server') ?? '127.0.0.1';
  const port = parts.get('port') ?? '5432';
  const user = parts.get('username') ?? parts.get('user id') ?? parts.get('userid') ?? parts.get('user') ?? 'postgres';
  const env = { ...process.env };
  const password = parts.get('password');
  if (password) {
    env.PGPASSWORD = password;
  }
  execFileSync('psql', [`host=${host} port=${port} user=${user} dbname=postgres`, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates a fresh database on the configured PostgreSQL server; returns its connection string and a dropper. */
function createDatabase(baseConnectionString) {
  const parts = parseNpgsql(baseConnectionString);
  const name = `gh_compat_${randomBytes(6).toString('hex')}`;
  psql(parts, `CREATE DATABASE ${name}`);
  const kept = [...parts].filter(([key]) => key !== 'database' && key !== 'db');
  const connection = [...kept.map(([k, v]) => `${k}=${v}`), `Database=${name}`].join(';');
  return {
    connection,
    drop() {
      try {
        psql(parts, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // Cleanup only: the throwaway cluster is removed by eng/test.sh anyway.
      }
    },
  };
}

/**
 * Starts a server on a free port with a fresh data directory (and a fresh PostgreSQL database when
 * GATEHOUSE_TEST_POSTGRES is set) and waits until /health/ready answers 200. `options.env` adds environment
 * variables (configuration such as `Gatehouse__Tokens__IssuerTemplate`).
 */
export async function startServer(options = {}) {
  const dll = serverDll();
  if (!existsSync(dll)) {
    throw new Error(`${dll} does not exist: build it with 'dotnet build src/Gatehouse.Server -c Release'`);
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-compat-'));
  const database = process.env.GATEHOUSE_TEST_POSTGRES ? createDatabase(process.env.GATEHOUSE_TEST_POSTGRES) : null;
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ASPNETCORE_ENVIRONMENT: 'Production',
    DOTNET_NOLOGO: '1',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    GATEHOUSE_DATA_DIR: dataDir,
    GATEHOUSE_ADMIN_ACCESS_KEY_ID: ADMIN_KEY.accessKeyId,
    GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: ADMIN_KEY.secretAccessKey,
    GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
    GATEHOUSE_POSTGRES: database ? database.connection : '',
    ...options.env,
  };
  delete env.GATEHOUSE_TEST_POSTGRES;

  // Own process group (detached), so stop() ends the server and anything it started.
  const child = spawn('dotnet', [dll, '--urls', endpoint], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  recordProcessGroup(child.pid);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  const server = {
    endpoint,
    dataDir,
    get output() {
      return output;
    },
    client(options = {}) {
      return new CognitoIdentityProviderClient({
        region: REGION,
        endpoint,
        credentials: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: ADMIN_KEY.secretAccessKey },
        maxAttempts: 1,
        ...options,
      });
    },
    outbox: (destination) => readOutbox(endpoint, destination),
    async stop() {
      if (exited === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }, STOP_TIMEOUT_MS);
        await exitPromise;
        clearTimeout(timer);
      }
      database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      await server.stop();
      throw new Error(`the server exited during start (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const response = await fetch(`${endpoint}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        return server;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Registers before/after hooks that start one server for the current test file and stop it at the end.
 * The returned object forwards to the running server: `endpoint`, `client()`, `outbox(destination)`.
 * `options` is passed to startServer.
 */
export function useServer(options = {}) {
  let running = null;
  before(async () => {
    running = await startServer(options);
  }, { timeout: READY_TIMEOUT_MS + 30_000 });
  after(async () => {
    await running?.stop();
  });
  const current = () => {
    if (!running) {
      throw new Error('the server is not running (did before() fail?)');
    }
    return running;
  };
  return {
    get endpoint() {
      return current().endpoint;
    },
    client: (options) => current().client(options),
    outbox: (destination) => current().outbox(destination),
  };
}

/** The dev outbox of the console API: messages sent to `destination`, oldest first as the server lists them. */
export async function readOutbox(endpoint, destination) {
  const basic = Buffer.from(`${ADMIN_KEY.accessKeyId}:${ADMIN_KEY.secretAccessKey}`).toString('base64');
  const url = `${endpoint}/console/api/outbox?destination=${encodeURIComponent(destination)}`;
  const response = await fetch(url, { headers: { authorization: `Basic ${basic}` } });
  assert.equal(response.status, 200, `GET ${url} answered ${response.status}: ${await response.clone().text()}`);
  const body = await response.json();
  assert.ok(Array.isArray(body.messages), `outbox answer has no messages array: ${JSON.stringify(body)}`);
  return body.messages;
}

/**
 * Awaits a call that must fail with the AWS error `name` (the `__type` the server sent) and, when given or
 * known, the HTTP status (pass `null` to leave it unchecked). Returns the error for further checks.
 */
export async function expectAwsError(promise, name, status = defaultStatus(name)) {
  let error;
  try {
    const result = await promise;
    assert.fail(`expected ${name}, but the call succeeded with ${JSON.stringify(result)}`);
  } catch (caught) {
    if (caught instanceof assert.AssertionError) {
      throw caught;
    }
    error = caught;
  }
  assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
  if (status !== undefined && status !== null) {
    assert.equal(error.$metadata?.httpStatusCode, status, `${name} came with HTTP ${error.$metadata?.httpStatusCode}`);
  }
  assert.equal(typeof error.message, 'string');
  return error;
}

// HTTP status that live Cognito answers with. All of cognito-idp's client errors come back as 400, whatever the
// model's httpError trait says (403 for NotAuthorizedException, 404 for ResourceNotFoundException and
// UserNotFoundException): observed in SDK error reports such as "(Service: AmazonCognitoIdentityProvider;
// Status Code: 400; Error Code: UserNotFoundException)" and aws-sdk-php#2183 ("resulted in a `400 Bad Request`
// response: {"__type":"ResourceNotFoundException",...}"). Errors not listed here are not checked for a status.
const STATUS = new Map([
  ['AliasExistsException', 400],
  ['CodeMismatchException', 400],
  ['ExpiredCodeException', 400],
  ['GroupExistsException', 400],
  ['InvalidParameterException', 400],
  ['InvalidPasswordException', 400],
  ['LimitExceededException', 400],
  ['NotAuthorizedException', 400],
  ['PasswordResetRequiredException', 400],
  ['ResourceNotFoundException', 400],
  ['UnsupportedOperationException', 400],
  ['UnsupportedUserStateException', 400],
  ['UserNotConfirmedException', 400],
  ['UserNotFoundException', 400],
  ['UsernameExistsException', 400],
]);

function defaultStatus(name) {
  return STATUS.get(name);
}

/** A name unique within this run, for pools, clients, users and groups. */
export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** `[{Name, Value}]` → `{Name: Value}`. */
export function attributeMap(attributes = []) {
  return Object.fromEntries(attributes.map(({ Name, Value }) => [Name, Value]));
}

/**
 * Leaves the process-group id of a process this suite started in $GATEHOUSE_TEST_PID_DIR (set by eng/test.sh), so
 * that the test script can end exactly what a crashed run left behind, by PID, and nothing else on the machine.
 */
export function recordProcessGroup(pid) {
  const dir = process.env.GATEHOUSE_TEST_PID_DIR;
  if (dir && pid) {
    writeFileSync(path.join(dir, `compat-${pid}`), String(pid));
  }
}
