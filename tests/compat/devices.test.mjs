// Remembered devices with the real clients: amazon-cognito-identity-js 6.3.21 and Amplify v6, against Gatehouse.
// amazon-cognito-identity-js confirms the device on its own after a sign-in that returns NewDeviceMetadata
// (CognitoUser.authenticateUserInternal → ConfirmDevice, with its own device SRP verifier), keeps the device key,
// group key and random password in its storage, and answers DEVICE_SRP_AUTH by itself (getDeviceResponse) on
// the next sign-in. Amplify v6 does the same in signIn (getNewDeviceMetadata, handleDeviceSRPAuth). The requests
// are recorded by wrapping the global fetch both libraries use, so the tests see which challenges were answered.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { fetchDevices, forgetDevice, rememberDevice, signIn, signOut } from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import { AsyncMapStorage, MapStorage, authSetup, codeIn, peek } from './lib/auth.mjs';
import { GOOD_PASSWORD, createUser, outboxMessages } from './lib/builders.mjs';
import { expectAwsError, useServer } from './lib/server.mjs';

const server = useServer();
const SNS_ROLE = 'arn:aws:iam::123456789012:role/sns';
ConsoleLogger.LOG_LEVEL = 'ERROR';

// Amplify names the device from `navigator` (getDeviceName in @aws-amplify/core), which Node 20 lacks; without it
// Amplify silently skips ConfirmDevice. A browser always has it.
globalThis.navigator ??= { userAgent: 'Gatehouse compat tests (Node)' };

/** Every user-pool request the clients send: `{ target, challenge }`. */
const requests = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options = {}) => {
  const headers = new Headers(options.headers ?? {});
  const target = headers.get('x-amz-target');
  if (target) {
    let challenge;
    try {
      challenge = JSON.parse(options.body).ChallengeName;
    } catch {
      challenge = undefined;
    }
    requests.push({ target: target.split('.').pop(), challenge });
  }
  return realFetch(url, options);
};

beforeEach(() => {
  requests.length = 0;
});

const TRACKING = { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true } };

/** A tracking pool and a confirmed user with GOOD_PASSWORD. */
async function trackingUser(pool = TRACKING) {
  const cognito = server.client();
  const setup = await authSetup(cognito, { pool });
  const { username } = await createUser(cognito, setup.poolId);
  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: setup.poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true,
  }));
  return { ...setup, cognito, username };
}

function authenticate(user) {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: GOOD_PASSWORD }), {
      onSuccess: (session, userConfirmationNecessary) => resolve({ session, userConfirmationNecessary }),
      onFailure: reject,
      mfaRequired: () => reject(new Error('unexpected SMS_MFA challenge')),
      totpRequired: () => reject(new Error('unexpected SOFTWARE_TOKEN_MFA challenge')),
      mfaSetup: () => reject(new Error('unexpected MFA_SETUP challenge')),
      selectMFAType: () => reject(new Error('unexpected SELECT_MFA_TYPE challenge')),
    });
  });
}

function callbacks(fn) {
  return new Promise((resolve, reject) => fn({ onSuccess: resolve, onFailure: reject }));
}

test('amazon-cognito-identity-js: confirm, remember, list, device SRP sign-in, forget, then a sign-in that recovers', async () => {
  const { cognito, poolId, clientId, username } = await trackingUser();
  const storage = new MapStorage();
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: storage });
  const user = new CognitoUser({ Username: username, Pool: pool, Storage: storage });

  const first = await authenticate(user);
  assert.equal(first.userConfirmationNecessary, true, 'DeviceOnlyRememberedOnUserPrompt: the app must ask');
  assert.ok(requests.some((r) => r.target === 'ConfirmDevice'));
  const deviceKey = peek(first.session.getAccessToken().getJwtToken()).payload.device_key;
  assert.match(deviceKey, /^us-east-1_[0-9a-f-]{36}$/);
  assert.equal(user.deviceKey, deviceKey);

  await callbacks((cb) => user.setDeviceStatusRemembered(cb));
  const listed = await new Promise((resolve, reject) =>
    user.listDevices(10, null, { onSuccess: resolve, onFailure: reject }));
  assert.equal(listed.Devices.length, 1);
  assert.equal(listed.Devices[0].DeviceKey, deviceKey);
  const attributes = Object.fromEntries(listed.Devices[0].DeviceAttributes.map((a) => [a.Name, a.Value]));
  assert.equal(attributes['dev:device_remembered_status'], 'remembered');
  assert.equal(attributes.last_ip_used, '127.0.0.1');

  requests.length = 0;
  const again = new CognitoUser({ Username: username, Pool: pool, Storage: storage });
  const second = await authenticate(again);
  assert.deepEqual(requests.map((r) => r.challenge ?? r.target),
    ['InitiateAuth', 'PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  assert.equal(peek(second.session.getAccessToken().getJwtToken()).payload.device_key, deviceKey);
  const { Device } = await cognito.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey }));
  assert.ok(Device.DeviceLastAuthenticatedDate instanceof Date);

  const refreshed = await new Promise((resolve, reject) =>
    again.refreshSession(second.session.getRefreshToken(), (error, session) => (error ? reject(error) : resolve(session))));
  assert.equal(peek(refreshed.getAccessToken().getJwtToken()).payload.device_key, deviceKey);

  await callbacks((cb) => again.forgetDevice(cb));
  assert.equal(again.deviceKey, null);
  const { Devices } = await cognito.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: username }));
  assert.equal(Devices.length, 0);
  await expectAwsError(cognito.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey })),
    'ResourceNotFoundException');
});

test('amazon-cognito-identity-js: a device forgotten elsewhere, the client retries PASSWORD_VERIFIER without it', async () => {
  const { cognito, poolId, clientId, username } = await trackingUser({
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
  });
  const storage = new MapStorage();
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: storage });
  const first = await authenticate(new CognitoUser({ Username: username, Pool: pool, Storage: storage }));
  const forgotten = peek(first.session.getAccessToken().getJwtToken()).payload.device_key;
  const { AdminForgetDeviceCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  await cognito.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: forgotten }));

  requests.length = 0;
  const second = await authenticate(new CognitoUser({ Username: username, Pool: pool, Storage: storage }));

  assert.deepEqual(requests.map((r) => r.challenge ?? r.target),
    ['InitiateAuth', 'PASSWORD_VERIFIER', 'PASSWORD_VERIFIER', 'ConfirmDevice']);
  const fresh = peek(second.session.getAccessToken().getJwtToken()).payload.device_key;
  assert.notEqual(fresh, forgotten);
});

test('amazon-cognito-identity-js: a remembered device skips MFA', async () => {
  // Pool MFA OPTIONAL with SMS, the user prefers SMS: the first sign-in answers SMS_MFA (code from the dev outbox),
  // the client confirms the device and remembers it, and the next sign-in goes PASSWORD_VERIFIER → DEVICE_SRP_AUTH →
  // DEVICE_PASSWORD_VERIFIER with no MFA challenge. After AdminForgetDevice, MFA is asked again.
  const { cognito, poolId, clientId, username } = await trackingUser();
  await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: poolId,
    MfaConfiguration: 'OPTIONAL',
    SmsMfaConfiguration: { SmsAuthenticationMessage: 'Code {####}', SmsConfiguration: { SnsCallerArn: SNS_ROLE } },
  }));
  const phone = `+1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: poolId, Username: username, UserAttributes: [{ Name: 'phone_number', Value: phone }, { Name: 'phone_number_verified', Value: 'true' }],
  }));
  await cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: poolId, Username: username, SMSMfaSettings: { Enabled: true, PreferredMfa: true },
  }));
  const storage = new MapStorage();
  const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: server.endpoint, Storage: storage });
  const user = new CognitoUser({ Username: username, Pool: pool, Storage: storage });

  const challenged = await authenticateWithMfa(user);
  assert.equal(challenged.challenge, 'SMS_MFA');
  const session = await new Promise((resolve, reject) =>
    user.sendMFACode(codeIn(challenged.message), { onSuccess: resolve, onFailure: reject }));
  assert.ok(session.getAccessToken().getJwtToken());
  assert.ok(requests.some((r) => r.target === 'ConfirmDevice'));
  await callbacks((cb) => user.setDeviceStatusRemembered(cb));

  requests.length = 0;
  const again = await authenticate(new CognitoUser({ Username: username, Pool: pool, Storage: storage }));
  assert.ok(again.session.getIdToken().getJwtToken());
  assert.ok(!requests.some((r) => /MFA/.test(r.challenge ?? '')), JSON.stringify(requests));
  assert.ok(requests.some((r) => r.challenge === 'DEVICE_PASSWORD_VERIFIER'));

  const deviceKey = peek(again.session.getAccessToken().getJwtToken()).payload.device_key;
  await cognito.send(new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: username, DeviceKey: deviceKey }));
  const afterForget = await authenticateWithMfa(new CognitoUser({ Username: username, Pool: pool, Storage: storage }));
  assert.equal(afterForget.challenge, 'SMS_MFA');

  /** authenticateUser that resolves on an MFA challenge, with the SMS the server sent for it. */
  async function authenticateWithMfa(cognitoUser) {
    const before = await outboxMessages(server, phone, 0);
    const result = await new Promise((resolve, reject) => {
      cognitoUser.authenticateUser(new AuthenticationDetails({ Username: username, Password: GOOD_PASSWORD }), {
        onSuccess: () => reject(new Error('signed in without MFA')),
        onFailure: reject,
        mfaRequired: (challenge) => resolve({ challenge }),
        totpRequired: (challenge) => resolve({ challenge }),
      });
    });
    const messages = await outboxMessages(server, phone, before.length + 1);
    return { ...result, message: messages.at(-1) };
  }
});

test('Amplify v6: signIn confirms the device, rememberDevice, fetchDevices, device SRP on the next signIn, forgetDevice', async () => {
  const { cognito, poolId, clientId, username } = await trackingUser();
  const auth = { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: server.endpoint } };
  cognitoUserPoolsTokenProvider.setAuthConfig(auth);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(new AsyncMapStorage());
  Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });

  const first = await signIn({ username, password: GOOD_PASSWORD });
  assert.equal(first.isSignedIn, true);
  assert.ok(requests.some((r) => r.target === 'ConfirmDevice'));
  await rememberDevice();
  const devices = await fetchDevices();
  assert.equal(devices.length, 1);
  assert.equal(devices[0].attributes['dev:device_remembered_status'], 'remembered');
  await signOut();

  requests.length = 0;
  const second = await signIn({ username, password: GOOD_PASSWORD });
  assert.equal(second.isSignedIn, true);
  assert.ok(requests.some((r) => r.challenge === 'DEVICE_SRP_AUTH'));
  assert.ok(requests.some((r) => r.challenge === 'DEVICE_PASSWORD_VERIFIER'));

  await forgetDevice();
  const { Devices } = await cognito.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: username }));
  assert.deepEqual(Devices, []);
});
