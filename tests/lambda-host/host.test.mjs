// The Lambda host's Invoke API contract, over HTTP as Gatehouse calls it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { functionName, startLambdaHost } from './host.mjs';

let host;
before(async () => {
  host = await startLambdaHost({ port: 0, timeoutMs: 300 });
});
after(() => host?.close());

async function invoke(name, event, init = {}) {
  const response = await fetch(`${host.endpoint}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse', ...init.headers },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

test('an ES module async handler answers the event it filled in', async () => {
  const event = { request: { userAttributes: { 'custom:department': 'sales' } }, response: {} };
  const { status, headers, body } = await invoke('pre-token-generation', event);
  assert.equal(status, 200);
  assert.equal(headers.get('x-amz-function-error'), null);
  assert.equal(body.response.claimsOverrideDetails.claimsToAddOrOverride.department, 'sales');
});

test('a CommonJS handler is found by full ARN with a qualifier', async () => {
  const event = { request: { userAttributes: { email: 'jo@example.com' } }, response: { autoConfirmUser: false } };
  const { status, body } = await invoke('arn:aws:lambda:us-east-1:123456789012:function:pre-signup:live', event);
  assert.equal(status, 200);
  assert.equal(body.response.autoConfirmUser, true);
  assert.equal(body.response.autoVerifyEmail, true);
});

test('callback style: the value called back, with a context', async () => {
  const { status, body } = await invoke('errors', { mode: 'ok' });
  assert.equal(status, 200);
  assert.deepEqual(body, { remaining: true, name: 'errors' });
});

for (const [mode, type, message] of [
  ['throw', 'TypeError', 'thrown on purpose'],
  ['callback-error', 'Error', 'called back with an error'],
  ['reject', 'RangeError', 'rejected on purpose'],
]) {
  test(`a function error (${mode}) is 200 + X-Amz-Function-Error: Unhandled`, async () => {
    const { status, headers, body } = await invoke('errors', { mode });
    assert.equal(status, 200);
    assert.equal(headers.get('x-amz-function-error'), 'Unhandled');
    assert.equal(body.errorType, type);
    assert.equal(body.errorMessage, message);
    assert.ok(Array.isArray(body.trace));
  });
}

test('a handler past the timeout answers Sandbox.Timedout', async () => {
  const started = Date.now();
  const { status, headers, body } = await invoke('slow', { delayMs: 1_500 });
  assert.ok(Date.now() - started < 1_200);
  assert.equal(status, 200);
  assert.equal(headers.get('x-amz-function-error'), 'Unhandled');
  assert.equal(body.errorType, 'Sandbox.Timedout');
  assert.match(body.errorMessage, /Task timed out after 0\.30 seconds$/);
});

test('an unknown function is 404 ResourceNotFoundException', async () => {
  const { status, headers } = await invoke('no-such-function', {});
  assert.equal(status, 404);
  assert.equal(headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
});

test('a body that is not JSON is 400 InvalidRequestContentException', async () => {
  const { status, headers } = await invoke('errors', 'not json');
  assert.equal(status, 400);
  assert.equal(headers.get('x-amzn-errortype'), 'InvalidRequestContentException');
});

test('an event over 6 MB is 413 RequestTooLargeException', async () => {
  const { status, headers } = await invoke('errors', JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }));
  assert.equal(status, 413);
  assert.equal(headers.get('x-amzn-errortype'), 'RequestTooLargeException');
});

test('function names from ARNs', () => {
  assert.equal(functionName('my-fn'), 'my-fn');
  assert.equal(functionName('arn:aws:lambda:eu-west-1:1:function:my-fn:prod'), 'my-fn');
  assert.equal(functionName('123456789012:function:my-fn'), 'my-fn');
});
