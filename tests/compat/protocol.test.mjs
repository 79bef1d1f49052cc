// The AWS JSON 1.1 front door as the JS SDK v3 sees it: SigV4, unknown keys, unbuilt operations, request ids.
// The HTTP status of the two signature errors is left unchecked: other AWS JSON services answer them with 400
// (e.g. "Service: AWSSecretsManager; Status Code: 400; Error Code: InvalidSignatureException"); Gatehouse sends
// 403 and no direct observation of cognito-idp's status was found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
  UpdateAuthEventFeedbackCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ADMIN_KEY, REGION, expectAwsError, useServer } from './lib/server.mjs';

const server = useServer();

// Threat-protection feedback is an operation Gatehouse has not built (docs/compatibility.md).
const feedback = { UserPoolId: 'us-east-1_none', Username: 'nobody', EventId: 'event', FeedbackToken: 'token', FeedbackValue: 'Valid' };

function clientWith(credentials) {
  return new CognitoIdentityProviderClient({ region: REGION, endpoint: server.endpoint, credentials, maxAttempts: 1 });
}

test('signed operation with the wrong secret → InvalidSignatureException', async () => {
  const cognito = clientWith({ accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: `x${ADMIN_KEY.secretAccessKey.slice(1)}` });
  const error = await expectAwsError(cognito.send(new ListUserPoolsCommand({ MaxResults: 10 })), 'InvalidSignatureException', null);
  assert.match(error.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
});

test('signed operation with an unknown access key → UnrecognizedClientException', async () => {
  const cognito = clientWith({ accessKeyId: 'AKGHNOSUCHKEY0000000', secretAccessKey: ADMIN_KEY.secretAccessKey });
  const error = await expectAwsError(cognito.send(new ListUserPoolsCommand({ MaxResults: 10 })), 'UnrecognizedClientException', null);
  assert.match(error.message, /security token/i);
});

test('an operation Gatehouse has not built → UnsupportedOperationException naming it', async () => {
  const error = await expectAwsError(
    server.client().send(new UpdateAuthEventFeedbackCommand(feedback)),
    'UnsupportedOperationException',
    400,
  );
  assert.match(error.message, /UpdateAuthEventFeedback/);
});

test('every answer carries a request id, different each time', async () => {
  const cognito = server.client();
  const call = () => cognito.send(new UpdateAuthEventFeedbackCommand(feedback));
  const first = await expectAwsError(call(), 'UnsupportedOperationException', 400);
  const second = await expectAwsError(call(), 'UnsupportedOperationException', 400);
  assert.match(first.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.match(second.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.notEqual(first.$metadata.requestId, second.$metadata.requestId);
});
