// App clients through the JS SDK v3: create (with and without a secret), describe, update, delete, list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createClient, createPool } from './lib/builders.mjs';
import { expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const MISSING_POOL = 'us-east-1_NoSuchPool1';
const MISSING_CLIENT = '1example23456789abcdefghij';

test('CreateUserPoolClient with GenerateSecret returns the client, its id and its secret', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const name = unique('client');
  const response = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: pool.Id, ClientName: name, GenerateSecret: true,
  }));
  const client = response.UserPoolClient;

  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal(client.UserPoolId, pool.Id);
  assert.equal(client.ClientName, name);
  assert.match(client.ClientId, /^[a-z0-9]{26}$/, 'Cognito client ids are 26 lower-case letters and digits');
  assert.match(client.ClientSecret, /^[a-z0-9]{40,}$/, 'Cognito client secrets are 51-52 lower-case letters and digits');
  assert.ok(client.CreationDate instanceof Date);
  assert.ok(client.LastModifiedDate instanceof Date);
  assert.equal(client.RefreshTokenValidity, 30);
  assert.equal(client.AllowedOAuthFlowsUserPoolClient, false);
  assert.equal(client.EnableTokenRevocation, true);
  assert.equal(client.AuthSessionValidity, 3);
});

test('CreateUserPoolClient without GenerateSecret has no ClientSecret; ids are unique', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const first = await createClient(cognito, pool.Id);
  const second = await createClient(cognito, pool.Id, { GenerateSecret: false });

  assert.equal(first.ClientSecret, undefined);
  assert.equal(second.ClientSecret, undefined);
  assert.notEqual(first.ClientId, second.ClientId);
});

test('CreateUserPoolClient keeps the given flows, token validity, attributes and OAuth settings', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const client = await createClient(cognito, pool.Id, {
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AccessTokenValidity: 2,
    IdTokenValidity: 3,
    RefreshTokenValidity: 7,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    ReadAttributes: ['email', 'email_verified', 'name'],
    WriteAttributes: ['email', 'name'],
    PreventUserExistenceErrors: 'ENABLED',
    SupportedIdentityProviders: ['COGNITO'],
    CallbackURLs: ['https://app.example.com/callback'],
    LogoutURLs: ['https://app.example.com/logout'],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    AllowedOAuthFlowsUserPoolClient: true,
  });

  assert.deepEqual([...client.ExplicitAuthFlows].sort(), ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
  assert.equal(client.AccessTokenValidity, 2);
  assert.equal(client.IdTokenValidity, 3);
  assert.equal(client.RefreshTokenValidity, 7);
  assert.deepEqual(client.TokenValidityUnits, { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' });
  assert.deepEqual([...client.ReadAttributes].sort(), ['email', 'email_verified', 'name']);
  assert.deepEqual([...client.WriteAttributes].sort(), ['email', 'name']);
  assert.equal(client.PreventUserExistenceErrors, 'ENABLED');
  assert.deepEqual(client.SupportedIdentityProviders, ['COGNITO']);
  assert.deepEqual(client.CallbackURLs, ['https://app.example.com/callback']);
  assert.deepEqual(client.LogoutURLs, ['https://app.example.com/logout']);
  assert.deepEqual(client.AllowedOAuthFlows, ['code']);
  assert.deepEqual([...client.AllowedOAuthScopes].sort(), ['email', 'openid']);
  assert.equal(client.AllowedOAuthFlowsUserPoolClient, true);
});

test('CreateUserPoolClient on an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new CreateUserPoolClientCommand({
    UserPoolId: MISSING_POOL, ClientName: 'c',
  })), 'ResourceNotFoundException');
});

test('CreateUserPoolClient with invalid input → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  // ClientName is required.
  await expectAwsError(cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id })), 'InvalidParameterException');
  // Access tokens live between 5 minutes and 1 day.
  await expectAwsError(cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: pool.Id, ClientName: 'c', AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' },
  })), 'InvalidParameterException');
  // Refresh tokens live between 60 minutes and 10 years.
  await expectAwsError(cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: pool.Id, ClientName: 'c', RefreshTokenValidity: 3651, TokenValidityUnits: { RefreshToken: 'days' },
  })), 'InvalidParameterException');
  const { UserPoolClients } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id }));
  assert.deepEqual(UserPoolClients, [], 'refused requests create nothing');
});

test('DescribeUserPoolClient returns the client with its secret', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const created = await createClient(cognito, pool.Id, { GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const { UserPoolClient: described } = await cognito.send(new DescribeUserPoolClientCommand({
    UserPoolId: pool.Id, ClientId: created.ClientId,
  }));

  assert.equal(described.ClientId, created.ClientId);
  assert.equal(described.ClientName, created.ClientName);
  assert.equal(described.UserPoolId, pool.Id);
  assert.equal(described.ClientSecret, created.ClientSecret);
  assert.equal(described.CreationDate.getTime(), created.CreationDate.getTime());
  assert.deepEqual([...described.ExplicitAuthFlows].sort(), ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
});

test('DescribeUserPoolClient of an unknown client, pool, or a client of another pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const other = await createPool(cognito);
  const client = await createClient(cognito, pool.Id);

  await expectAwsError(cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: MISSING_CLIENT })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: MISSING_POOL, ClientId: client.ClientId })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: other.Id, ClientId: client.ClientId })),
    'ResourceNotFoundException');
});

test('UpdateUserPoolClient changes settings, keeps id, secret and creation date', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const created = await createClient(cognito, pool.Id, { GenerateSecret: true });
  const newName = unique('renamed');
  const { UserPoolClient: updated } = await cognito.send(new UpdateUserPoolClientCommand({
    UserPoolId: pool.Id,
    ClientId: created.ClientId,
    ClientName: newName,
    ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    RefreshTokenValidity: 5,
    PreventUserExistenceErrors: 'ENABLED',
  }));

  assert.equal(updated.ClientId, created.ClientId);
  assert.equal(updated.ClientName, newName);
  assert.equal(updated.ClientSecret, created.ClientSecret);
  assert.equal(updated.RefreshTokenValidity, 5);
  assert.equal(updated.PreventUserExistenceErrors, 'ENABLED');
  assert.deepEqual([...updated.ExplicitAuthFlows].sort(), ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  assert.equal(updated.CreationDate.getTime(), created.CreationDate.getTime());
  assert.ok(updated.LastModifiedDate.getTime() >= created.LastModifiedDate.getTime());

  const { UserPoolClient: described } = await cognito.send(new DescribeUserPoolClientCommand({
    UserPoolId: pool.Id, ClientId: created.ClientId,
  }));
  assert.equal(described.ClientName, newName);
  assert.equal(described.RefreshTokenValidity, 5);
  assert.equal(described.ClientSecret, created.ClientSecret);
});

test('UpdateUserPoolClient of an unknown client → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: MISSING_CLIENT })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: MISSING_POOL, ClientId: MISSING_CLIENT })),
    'ResourceNotFoundException');
});

test('UpdateUserPoolClient with an invalid token validity → InvalidParameterException and no change', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const created = await createClient(cognito, pool.Id);
  await expectAwsError(cognito.send(new UpdateUserPoolClientCommand({
    UserPoolId: pool.Id, ClientId: created.ClientId, ClientName: 'changed',
    IdTokenValidity: 48, TokenValidityUnits: { IdToken: 'hours' },
  })), 'InvalidParameterException');
  const { UserPoolClient: described } = await cognito.send(new DescribeUserPoolClientCommand({
    UserPoolId: pool.Id, ClientId: created.ClientId,
  }));
  assert.equal(described.ClientName, created.ClientName);
});

test('DeleteUserPoolClient removes the client', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const doomed = await createClient(cognito, pool.Id);
  const kept = await createClient(cognito, pool.Id);
  const response = await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: doomed.ClientId }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  await expectAwsError(cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: doomed.ClientId })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: doomed.ClientId })),
    'ResourceNotFoundException');
  const { UserPoolClients } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id }));
  assert.deepEqual(UserPoolClients.map((c) => c.ClientId), [kept.ClientId]);
});

test('DeleteUserPoolClient on an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new DeleteUserPoolClientCommand({
    UserPoolId: MISSING_POOL, ClientId: MISSING_CLIENT,
  })), 'ResourceNotFoundException');
});

test('ListUserPoolClients pages with MaxResults and NextToken', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const mine = [];
  for (let i = 0; i < 5; i += 1) {
    mine.push(await createClient(cognito, pool.Id, { GenerateSecret: i % 2 === 0 }));
  }

  const seen = [];
  let NextToken;
  let pages = 0;
  do {
    const page = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id, MaxResults: 2, NextToken }));
    assert.ok(page.UserPoolClients.length <= 2);
    seen.push(...page.UserPoolClients);
    NextToken = page.NextToken;
    pages += 1;
    assert.ok(pages < 20, 'pagination ends');
  } while (NextToken);

  assert.ok(pages >= 3, `5 clients in pages of 2 take at least 3 pages, took ${pages}`);
  assert.deepEqual(seen.map((c) => c.ClientId).sort(), mine.map((c) => c.ClientId).sort());
  for (const listed of seen) {
    const created = mine.find((c) => c.ClientId === listed.ClientId);
    assert.deepEqual(listed, { ClientId: created.ClientId, UserPoolId: pool.Id, ClientName: created.ClientName });
  }
});

test('ListUserPoolClients lists only the clients of the pool', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const other = await createPool(cognito);
  const mine = await createClient(cognito, pool.Id);
  await createClient(cognito, other.Id);
  const { UserPoolClients, NextToken } = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id, MaxResults: 60 }));
  assert.deepEqual(UserPoolClients.map((c) => c.ClientId), [mine.ClientId]);
  assert.equal(NextToken, undefined);
});

test('ListUserPoolClients errors: unknown pool → ResourceNotFoundException, MaxResults 0 → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new ListUserPoolClientsCommand({ UserPoolId: MISSING_POOL })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new ListUserPoolClientsCommand({ UserPoolId: pool.Id, MaxResults: 0 })),
    'InvalidParameterException');
});
