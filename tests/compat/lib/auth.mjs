// Helpers for the sign-up / sign-in / token tests: pools that send codes, confirmed users, codes from the outbox,
// SRP through the SDK (with amazon-cognito-identity-js's own AuthenticationHelper doing the math), storage for
// the browser clients, and JWT verification helpers.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationHelper, DateHelper } from 'amazon-cognito-identity-js';
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { GOOD_PASSWORD, createClient, createPool, outboxMessages, uniqueEmail } from './builders.mjs';
import { unique } from './server.mjs';

// lib/BigInteger.js is CommonJS with a default export (jsbn, the type AuthenticationHelper expects).
const BigInteger = BigIntegerModule.default ?? BigIntegerModule;

/** Every flow a client can allow; tests that check a refused flow create their own client. */
export const ALL_FLOWS = Object.freeze([
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
]);

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/**
 * A pool that verifies email by code (AutoVerifiedAttributes email, so SignUp and ForgotPassword send codes to
 * the outbox) and a public client (no secret) allowing every flow. `pool` / `client` inputs are merged in.
 */
export async function authSetup(cognito, { pool = {}, client = {} } = {}) {
  const created = await createPool(cognito, { AutoVerifiedAttributes: ['email'], ...pool });
  const appClient = await createClient(cognito, created.Id, { ExplicitAuthFlows: [...ALL_FLOWS], ...client });
  return { pool: created, client: appClient, poolId: created.Id, clientId: appClient.ClientId };
}

/**
 * The confirmation code in an outbox message: Cognito's codes are 6 digits ({####} in the templates). The last
 * 6-digit run in the body is taken, so a template that mentions other numbers first still works.
 */
export function codeIn(message) {
  const matches = [...message.body.matchAll(/(?<!\d)(\d{6})(?!\d)/g)];
  assert.ok(matches.length > 0, `no 6-digit code in the message to ${message.destination}: ${message.body}`);
  return matches.at(-1)[1];
}

/** Waits for the `count`-th message to `email` and returns its code (the newest message when count is omitted). */
export async function codeFor(server, email, count = 1) {
  const messages = await outboxMessages(server, email, count);
  assert.ok(messages.length >= count, `expected ${count} message(s) to ${email}, the outbox has ${messages.length}`);
  return codeIn(messages[count - 1]);
}

/** SignUp of a new user with an email; returns `{ username, email, password, sub, response }` (not confirmed). */
export async function signUp(cognito, clientId, input = {}) {
  const username = input.Username ?? unique('signup');
  const email = input.email ?? uniqueEmail(username);
  const password = input.Password ?? GOOD_PASSWORD;
  const response = await cognito.send(new SignUpCommand({
    ClientId: clientId,
    Username: username,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }],
    ...Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'email')),
  }));
  return { username, email, password, sub: response.UserSub, response };
}

/** SignUp, then ConfirmSignUp with the code from the outbox; returns what signUp returns. */
export async function signUpConfirmed(server, cognito, clientId, input = {}) {
  const user = await signUp(cognito, clientId, input);
  const code = await codeFor(server, user.email);
  await cognito.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: user.username, ConfirmationCode: code }));
  return user;
}

/** InitiateAuth USER_PASSWORD_AUTH; returns the whole response. */
export async function passwordAuth(cognito, clientId, username, password, extra = {}) {
  return cognito.send(new InitiateAuthCommand({
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
  }));
}

/** Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username ‖ clientId)). */
export function secretHash(clientSecret, username, clientId) {
  return createHmac('sha256', clientSecret).update(`${username}${clientId}`).digest('base64');
}

function callback(fn) {
  return new Promise((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value))));
}

/**
 * USER_SRP_AUTH through the SDK: InitiateAuth with SRP_A, then RespondToAuthChallenge PASSWORD_VERIFIER with the
 * claim signature, as amazon-cognito-identity-js computes it (its AuthenticationHelper does the SRP math).
 * `secret` adds SECRET_HASH to both calls (computed over USERNAME as sent in each). Returns
 * `{ initiate, respond }`; throws the service error of whichever call fails.
 */
export async function srpAuth(cognito, { poolId, clientId, username, password, secret }) {
  const poolName = poolId.split('_')[1];
  const helper = new AuthenticationHelper(poolName);
  const largeA = await callback((done) => helper.getLargeAValue(done));
  const authParameters = { USERNAME: username, SRP_A: largeA.toString(16) };
  if (secret) {
    authParameters.SECRET_HASH = secretHash(secret, username, clientId);
  }
  const initiate = await cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: authParameters,
  }));
  assert.equal(initiate.ChallengeName, 'PASSWORD_VERIFIER');
  const parameters = initiate.ChallengeParameters;
  const userIdForSrp = parameters.USER_ID_FOR_SRP;
  const hkdf = await callback((done) => helper.getPasswordAuthenticationKey(
    userIdForSrp, password, new BigInteger(parameters.SRP_B, 16), new BigInteger(parameters.SALT, 16), done,
  ));
  const timestamp = new DateHelper().getNowString();
  const signature = createHmac('sha256', Buffer.from(hkdf))
    .update(Buffer.concat([
      Buffer.from(poolName, 'utf8'),
      Buffer.from(userIdForSrp, 'utf8'),
      Buffer.from(parameters.SECRET_BLOCK, 'base64'),
      Buffer.from(timestamp, 'utf8'),
    ]))
    .digest('base64');
  const responses = {
    USERNAME: userIdForSrp,
    PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: signature,
  };
  if (secret) {
    responses.SECRET_HASH = secretHash(secret, userIdForSrp, clientId);
  }
  const respond = await cognito.send(new RespondToAuthChallengeCommand({
    ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses, Session: initiate.Session,
  }));
  return { initiate, respond };
}

/** `{ header, payload }` of a JWT, without verifying it. */
export function peek(jwt) {
  return { header: decodeProtectedHeader(jwt), payload: decodeJwt(jwt) };
}

/** The issuer Gatehouse uses by default: `{endpoint}/{poolId}`. */
export function issuerOf(endpoint, poolId) {
  return `${endpoint}/${poolId}`;
}

/**
 * A synchronous in-memory storage with the Web Storage methods amazon-cognito-identity-js calls (getItem,
 * setItem, removeItem, clear). One per test, so sessions never leak between tests (the library's own fallback,
 * MemoryStorage, is one module-wide object).
 */
export class MapStorage {
  #items = new Map();

  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }

  setItem(key, value) {
    this.#items.set(key, String(value));
  }

  removeItem(key) {
    this.#items.delete(key);
  }

  clear() {
    this.#items.clear();
  }

  keys() {
    return [...this.#items.keys()];
  }
}

/** Amplify v6's KeyValueStorageInterface (async) over a Map. */
export class AsyncMapStorage {
  #items = new Map();

  async setItem(key, value) {
    this.#items.set(key, value);
  }

  async getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }

  async removeItem(key) {
    this.#items.delete(key);
  }

  async clear() {
    this.#items.clear();
  }

  keys() {
    return [...this.#items.keys()];
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
