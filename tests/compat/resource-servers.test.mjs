// Resource servers and custom scopes through the JS SDK v3: create, describe, update, delete, list (paginator),
// and app clients allowing `<identifier>/<scope>` only when that scope exists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  DeleteResourceServerCommand,
  DescribeResourceServerCommand,
  UpdateResourceServerCommand,
  paginateListResourceServers,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPool } from './lib/builders.mjs';
import { expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();

function scopes(...names) {
  return names.map((name) => ({ ScopeName: name, ScopeDescription: `${name} access` }));
}

test('CreateResourceServer, DescribeResourceServer, UpdateResourceServer and DeleteResourceServer', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const identifier = `https://${unique('api')}.example.com`;

  const { ResourceServer: created } = await cognito.send(new CreateResourceServerCommand({
    UserPoolId: pool.Id, Identifier: identifier, Name: 'orders api', Scopes: scopes('orders.read', 'orders.write'),
  }));
  assert.deepEqual(created, { UserPoolId: pool.Id, Identifier: identifier, Name: 'orders api', Scopes: scopes('orders.read', 'orders.write') });

  const { ResourceServer: described } = await cognito.send(new DescribeResourceServerCommand({ UserPoolId: pool.Id, Identifier: identifier }));
  assert.deepEqual(described, created);

  await expectAwsError(cognito.send(new CreateResourceServerCommand({
    UserPoolId: pool.Id, Identifier: identifier, Name: 'again',
  })), 'InvalidParameterException');

  const { ResourceServer: updated } = await cognito.send(new UpdateResourceServerCommand({
    UserPoolId: pool.Id, Identifier: identifier, Name: 'renamed', Scopes: scopes('admin'),
  }));
  assert.equal(updated.Name, 'renamed');
  assert.deepEqual(updated.Scopes, scopes('admin'));

  await cognito.send(new DeleteResourceServerCommand({ UserPoolId: pool.Id, Identifier: identifier }));
  await expectAwsError(cognito.send(new DescribeResourceServerCommand({ UserPoolId: pool.Id, Identifier: identifier })),
    'ResourceNotFoundException');
});

test('paginateListResourceServers walks every resource server once, in identifier order', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const identifiers = ['svc-d', 'svc-a', 'svc-c', 'svc-e', 'svc-b'];
  for (const identifier of identifiers) {
    await cognito.send(new CreateResourceServerCommand({ UserPoolId: pool.Id, Identifier: identifier, Name: identifier }));
  }

  const seen = [];
  let pages = 0;
  for await (const page of paginateListResourceServers({ client: cognito, pageSize: 2 }, { UserPoolId: pool.Id })) {
    pages += 1;
    seen.push(...page.ResourceServers.map((r) => r.Identifier));
  }
  assert.deepEqual(seen, [...identifiers].sort());
  assert.equal(pages, 3);
});

test('CreateUserPoolClient allows an existing custom scope; an unknown one → ScopeDoesNotExistException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await cognito.send(new CreateResourceServerCommand({
    UserPoolId: pool.Id, Identifier: 'inventory', Name: 'inventory', Scopes: scopes('read'),
  }));
  const m2m = (allowed) => new CreateUserPoolClientCommand({
    UserPoolId: pool.Id, ClientName: unique('m2m'), GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: allowed,
  });

  const { UserPoolClient } = await cognito.send(m2m(['inventory/read']));
  assert.deepEqual(UserPoolClient.AllowedOAuthScopes, ['inventory/read']);
  const error = await expectAwsError(cognito.send(m2m(['inventory/write'])), 'ScopeDoesNotExistException');
  assert.equal(error.message, 'Invalid scope requested: inventory/write');
});
