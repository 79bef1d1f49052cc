// Small builders shared by the test files: each test makes its own pool, client, users and groups.
import {
  AdminCreateUserCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { unique } from './server.mjs';

/** A password that satisfies Cognito's default policy (8+, upper, lower, digit, symbol). */
export const GOOD_PASSWORD = 'Corr3ct-Horse!';

/** Creates a pool with a unique name; `input` is merged into the CreateUserPool request. */
export async function createPool(cognito, input = {}) {
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('pool'), ...input }));
  return UserPool;
}

/** Creates an app client in `poolId`; `input` is merged into the CreateUserPoolClient request. */
export async function createClient(cognito, poolId, input = {}) {
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: unique('client'), ...input }),
  );
  return UserPoolClient;
}

/** A unique email address under the reserved example.com domain. */
export function uniqueEmail(prefix = 'user') {
  return `${unique(prefix)}@example.com`;
}

/**
 * Creates a user with a verified email and no invitation (MessageAction SUPPRESS); `input` is merged into the
 * AdminCreateUser request. Returns `{ username, email, user }` where `user` is the response's UserType.
 */
export async function createUser(cognito, poolId, input = {}) {
  const username = input.Username ?? unique('user');
  const email = uniqueEmail(username);
  const { User } = await cognito.send(new AdminCreateUserCommand({
    UserPoolId: poolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
    ...input,
  }));
  return { username, email, user: User };
}

/**
 * The outbox messages to `destination` once there are at least `count` of them. Delivery may finish just after
 * the API call returns, so this polls for up to `timeoutMs`, then returns what there is.
 */
export async function outboxMessages(server, destination, count = 1, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await server.outbox(destination);
    if (messages.length >= count || Date.now() > deadline) {
      return messages;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
