#!/usr/bin/env node
// A small host of the Lambda Invoke API for unchanged Node.js handler files, on a loopback port.
//
//   node host.mjs [--port 9001] [--handlers ./handlers] [--timeout-ms 3000]
//   import { startLambdaHost } from './host.mjs';  const host = await startLambdaHost({ port: 0 });
//
// Why hand-written: the AWS Lambda runtime interface emulator (aws-lambda-runtime-interface-emulator) is a Go
// binary shipped in AWS's container images and GitHub releases, in neither npm nor Debian, and it only fronts a
// runtime client (npm's aws-lambda-ric, a native addon) inside a Lambda-shaped file system. The part Gatehouse
// needs is small: the Invoke API's request/response contract, which this file implements with node:http alone.
//
// Contract (Lambda API reference, "Invoke"):
//   POST /2015-03-31/functions/{FunctionName}/invocations[?Qualifier=...]   body = the event (JSON)
//   {FunctionName} is a name, a full function ARN or a partial ARN; the function is handlers/<name>.{mjs,cjs,js}.
//   200, body = JSON of what the handler returned (undefined → null)
//   200 + X-Amz-Function-Error: Unhandled, body = {errorMessage, errorType, trace}: the handler threw, rejected,
//       called back with an error, or ran past the timeout (errorType Sandbox.Timedout, as Lambda words it)
//   404 + x-amzn-ErrorType: ResourceNotFoundException: no such handler file, or it exports no `handler`
//   400 + x-amzn-ErrorType: InvalidRequestContentException: the body is not JSON
//   X-Amz-Invocation-Type other than RequestResponse: 400 InvalidParameterValueException (not built here)
// Handler styles: `export const handler = async (event, context) => ...` (ES module), `exports.handler = ...`
// (CommonJS), and `(event, context, callback) => ...` (the callback style: callback(error) or callback(null, r)).
// Handlers run in this process (as in one warm Lambda container), one module instance per file.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_HANDLERS = path.join(here, 'handlers');
export const DEFAULT_TIMEOUT_MS = 3_000; // Lambda's default function timeout
const MAX_EVENT_BYTES = 6 * 1024 * 1024; // Lambda's synchronous payload limit
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const EXTENSIONS = ['.mjs', '.cjs', '.js'];
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** `my-fn`, `arn:aws:lambda:us-east-1:1:function:my-fn[:alias]` or `1:function:my-fn` → `my-fn`. */
export function functionName(nameOrArn) {
  const parts = nameOrArn.split(':');
  const at = parts.indexOf('function');
  return at >= 0 && at + 1 < parts.length ? parts[at + 1] : parts[0];
}

/**
 * Starts the host; resolves to `{ port, endpoint, invocations, close() }`. `invocations` keeps
 * `{ functionName, event, outcome }` of every call (outcome: 'ok', 'error', 'timeout'), newest last.
 */
export async function startLambdaHost({ port = 0, handlersDir = DEFAULT_HANDLERS, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const modules = new Map();
  const invocations = [];

  async function load(name) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
      return null;
    }
    if (!modules.has(name)) {
      const file = EXTENSIONS.map((ext) => path.join(handlersDir, name + ext)).find((f) => existsSync(f));
      modules.set(name, file ? import(pathToFileURL(file).href) : Promise.resolve(null));
    }
    const loaded = await modules.get(name);
    const handler = loaded?.handler ?? loaded?.default?.handler;
    return typeof handler === 'function' ? handler : null;
  }

  const server = createServer(async (request, response) => {
    const send = (status, body, headers = {}) => {
      const text = JSON.stringify(body === undefined ? null : body);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(text);
    };
    const refuse = (status, type, message) => send(status, { Type: 'User', message }, { 'x-amzn-ErrorType': type });
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      const match = request.method === 'POST' ? INVOKE_PATH.exec(url.pathname) : null;
      if (!match) {
        refuse(404, 'UnknownOperationException', 'Unknown operation');
        return;
      }
      const type = request.headers['x-amz-invocation-type'] ?? 'RequestResponse';
      if (type !== 'RequestResponse') {
        refuse(400, 'InvalidParameterValueException', `Invocation type ${type} is not served by this host`);
        return;
      }
      const name = functionName(decodeURIComponent(match[1]));
      const handler = await load(name);
      if (!handler) {
        refuse(404, 'ResourceNotFoundException',
          `Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`);
        return;
      }
      let event;
      try {
        event = JSON.parse(await readBody(request));
      } catch (error) {
        refuse(error.tooLarge ? 413 : 400, error.tooLarge ? 'RequestTooLargeException' : 'InvalidRequestContentException',
          error.tooLarge ? 'Request must be smaller than 6291456 bytes for the InvokeFunction operation'
            : 'Could not parse request body into json');
        return;
      }
      const result = await invoke(handler, name, event, timeoutMs);
      invocations.push({ functionName: name, event, outcome: result.outcome });
      if (result.outcome === 'ok') {
        send(200, result.value);
      } else {
        send(200, result.error, { 'X-Amz-Function-Error': 'Unhandled' });
      }
    } catch (error) {
      if (!response.headersSent) {
        refuse(500, 'ServiceException', String(error?.message ?? error));
      }
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    port: actual,
    endpoint: `http://127.0.0.1:${actual}`,
    invocations,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the 413 still reaches the caller.
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_EVENT_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => (size > MAX_EVENT_BYTES
      ? reject(Object.assign(new Error('too large'), { tooLarge: true }))
      : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/** Runs one invocation: the first of the returned promise, the callback, or the timeout decides. */
function invoke(handler, name, event, timeoutMs) {
  const requestId = randomUUID();
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(result);
      }
    };
    const ok = (value) => finish({ outcome: 'ok', value });
    const fail = (error) => finish({ outcome: 'error', error: errorBody(error) });
    const timer = setTimeout(() => finish({
      outcome: 'timeout',
      error: {
        errorType: 'Sandbox.Timedout',
        errorMessage: `${new Date().toISOString()} ${requestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
      },
    }), timeoutMs);
    const callback = (error, value) => (error !== undefined && error !== null ? fail(error) : ok(value));
    const context = {
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
      memoryLimitInMB: '128',
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: `local/${requestId}`,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      // The legacy context methods Lambda's Node.js runtime still offers.
      succeed: (value) => ok(value),
      fail: (error) => fail(error ?? new Error('handled')),
      done: callback,
    };
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') {
        returned.then(ok, fail);
      } else if (handler.length < 3) {
        // A synchronous handler without a callback: Lambda answers null once it returns.
        ok(null);
      }
    } catch (error) {
      fail(error);
    }
  });
}

/** Lambda's error body: {errorType, errorMessage, trace}. */
function errorBody(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: String(error.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof error === 'string' ? 'string' : typeof error, errorMessage: String(error), trace: [] };
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const host = await startLambdaHost({
    port: Number(option(args, '--port', process.env.PORT ?? '9001')),
    handlersDir: path.resolve(option(args, '--handlers', DEFAULT_HANDLERS)),
    timeoutMs: Number(option(args, '--timeout-ms', String(DEFAULT_TIMEOUT_MS))),
  });
  console.log(`Lambda Invoke API on ${host.endpoint} (Gatehouse__Triggers__LambdaEndpoint=${host.endpoint})`);
  const stop = () => host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
