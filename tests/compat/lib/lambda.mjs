// The trigger suites' functions: tests/lambda-host serving the unchanged handler files of tests/lambda-host/handlers
// on a loopback port, in this test process, and the ARNs that name them in a pool's LambdaConfig.
import { after } from 'node:test';
import { startLambdaHost } from '../../lambda-host/host.mjs';

export { codeCount, lastCode } from '../../lambda-host/lib/code-outbox.mjs';

/** `arn:aws:lambda:us-east-1:123456789012:function:<name>`: the host serves handlers/<name>.{mjs,cjs,js}. */
export const arn = (name) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** The three custom-auth handlers, as a LambdaConfig. */
export const CUSTOM_AUTH_TRIGGERS = Object.freeze({
  DefineAuthChallenge: arn('define-auth-challenge'),
  CreateAuthChallenge: arn('create-auth-challenge'),
  VerifyAuthChallengeResponse: arn('verify-auth-challenge-response'),
});

/**
 * Starts the host (closed after the file's tests) and returns it with `serverEnv`, the instance setting that
 * points Gatehouse at it; pass that to useServer({ env }).
 */
export async function useLambdaHost() {
  const host = await startLambdaHost({ port: 0 });
  after(() => host.close());
  return { host, serverEnv: { Gatehouse__Triggers__LambdaEndpoint: host.endpoint } };
}
