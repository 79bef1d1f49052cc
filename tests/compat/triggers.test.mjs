// Triggers with the AWS SDK for JavaScript v3 and unchanged Lambda handlers (tests/lambda-host/handlers): PreSignUp
// (pre-signup.cjs, CommonJS: confirms users of the example.com domain at sign-up, refuses blocked.example) and
// PreTokenGeneration (pre-token-generation.mjs: adds `department` and `tier` to the ID token).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminGetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ALL_FLOWS, peek } from './lib/auth.mjs';
import { GOOD_PASSWORD, createClient, createPool } from './lib/builders.mjs';
import { arn, useLambdaHost } from './lib/lambda.mjs';
import { attributeMap, expectAwsError, unique, useServer } from './lib/server.mjs';

const { host, serverEnv } = await useLambdaHost();
const server = useServer({ env: serverEnv });

/** A pool sending email codes, then LambdaConfig set with UpdateUserPool (as the README's CLI steps do). */
async function poolWith(lambdaConfig, pool = {}) {
  const cognito = server.client();
  const created = await createPool(cognito, { AutoVerifiedAttributes: ['email'], ...pool });
  await cognito.send(new UpdateUserPoolCommand({
    UserPoolId: created.Id, AutoVerifiedAttributes: ['email'], LambdaConfig: lambdaConfig,
  }));
  const client = await createClient(cognito, created.Id, { ExplicitAuthFlows: [...ALL_FLOWS] });
  return { cognito, poolId: created.Id, clientId: client.ClientId };
}

function signUp(cognito, clientId, username, email, attributes = []) {
  return cognito.send(new SignUpCommand({
    ClientId: clientId,
    Username: username,
    Password: GOOD_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: email }, ...attributes],
  }));
}

test('SignUp: the PreSignUp handler confirms an example.com user and verifies the email', async () => {
  const { cognito, poolId, clientId } = await poolWith({ PreSignUp: arn('pre-signup') });
  const username = unique('auto');
  const calls = host.invocations.length;

  const result = await signUp(cognito, clientId, username, `${username}@example.com`);

  assert.equal(result.UserConfirmed, true);
  assert.equal(result.CodeDeliveryDetails, undefined);
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  assert.equal(user.UserStatus, 'CONFIRMED');
  assert.equal(attributeMap(user.UserAttributes).email_verified, 'true');
  const call = host.invocations.slice(calls).find((i) => i.functionName === 'pre-signup');
  assert.equal(call.event.triggerSource, 'PreSignUp_SignUp');
  assert.equal(call.event.userPoolId, poolId);
  assert.equal(call.event.callerContext.clientId, clientId);
});

test('SignUp: another domain is left unconfirmed and gets a code', async () => {
  const { cognito, poolId, clientId } = await poolWith({ PreSignUp: arn('pre-signup') });
  const username = unique('manual');

  const result = await signUp(cognito, clientId, username, `${username}@elsewhere.test`);

  assert.equal(result.UserConfirmed, false);
  assert.equal(result.CodeDeliveryDetails.DeliveryMedium, 'EMAIL');
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  assert.equal(user.UserStatus, 'UNCONFIRMED');
});

test('SignUp: the handler throws → UserLambdaValidationException with its message, and no user', async () => {
  const { cognito, poolId, clientId } = await poolWith({ PreSignUp: arn('pre-signup') });
  const username = unique('blocked');

  const error = await expectAwsError(signUp(cognito, clientId, username, `${username}@blocked.example`),
    'UserLambdaValidationException', null);

  assert.equal(error.message, 'PreSignUp failed with error Sign-up from this domain is not allowed.');
  await expectAwsError(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })), 'UserNotFoundException');
});

test('InitiateAuth: the PreTokenGeneration handler adds its claims to the ID token', async () => {
  const { cognito, poolId, clientId } = await poolWith(
    { PreSignUp: arn('pre-signup'), PreTokenGeneration: arn('pre-token-generation') },
    { Schema: [{ Name: 'department', AttributeDataType: 'String', Mutable: true }] },
  );
  const username = unique('claims');
  await signUp(cognito, clientId, username, `${username}@example.com`, [{ Name: 'custom:department', Value: 'research' }]);
  const calls = host.invocations.length;

  const { AuthenticationResult } = await cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: GOOD_PASSWORD },
  }));

  const id = peek(AuthenticationResult.IdToken).payload;
  assert.equal(id.department, 'research');
  assert.equal(id.tier, 'gold');
  assert.equal(id['cognito:username'], username);
  const access = peek(AuthenticationResult.AccessToken).payload;
  assert.equal(access.tier, undefined, 'a V1_0 trigger edits the ID token only');
  const call = host.invocations.slice(calls).find((i) => i.functionName === 'pre-token-generation');
  assert.equal(call.event.triggerSource, 'TokenGeneration_Authentication');
  assert.equal(call.event.userPoolId, poolId);
});
