// User pools through the JS SDK v3: create, describe, update, delete, list, custom attributes, MFA config.
// Expected values are Cognito's documented defaults (AWS model docs, API reference) and observed responses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AddCustomAttributesCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPool } from './lib/builders.mjs';
import { expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const MISSING_POOL = 'us-east-1_NoSuchPool1';

function assertRecent(date, what) {
  assert.ok(date instanceof Date, `${what} is a Date (epoch seconds on the wire)`);
  assert.ok(Math.abs(Date.now() - date.getTime()) < 5 * 60_000, `${what} ${date.toISOString()} is now`);
}

function schemaAttribute(pool, name) {
  return pool.SchemaAttributes?.find((a) => a.Name === name);
}

test('CreateUserPool returns the pool with id, ARN and Cognito defaults', async () => {
  const cognito = server.client();
  const name = unique('pool');
  const response = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
  const pool = response.UserPool;

  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.match(pool.Id, /^us-east-1_[0-9A-Za-z]+$/);
  assert.equal(pool.Name, name);
  assert.match(pool.Arn, new RegExp(`^arn:aws:cognito-idp:us-east-1:\\d{12}:userpool/${pool.Id}$`));
  assertRecent(pool.CreationDate, 'CreationDate');
  assertRecent(pool.LastModifiedDate, 'LastModifiedDate');
  assert.deepEqual(pool.Policies.PasswordPolicy, {
    MinimumLength: 8,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
    TemporaryPasswordValidityDays: 7,
  });
  assert.equal(pool.MfaConfiguration, 'OFF');
  assert.equal(pool.DeletionProtection, 'INACTIVE');
  assert.equal(pool.UserPoolTier, 'ESSENTIALS');
  assert.equal(pool.EstimatedNumberOfUsers, 0);
  assert.equal(pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly, false);
});

test('CreateUserPool lists the standard attributes in SchemaAttributes', async () => {
  const pool = await createPool(server.client());

  assert.deepEqual(schemaAttribute(pool, 'sub'), {
    Name: 'sub',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: false,
    Required: true,
    StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' },
  });
  assert.deepEqual(schemaAttribute(pool, 'email'), {
    Name: 'email',
    AttributeDataType: 'String',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
  });
  assert.equal(schemaAttribute(pool, 'email_verified')?.AttributeDataType, 'Boolean');
  assert.equal(schemaAttribute(pool, 'phone_number_verified')?.AttributeDataType, 'Boolean');
  assert.equal(schemaAttribute(pool, 'updated_at')?.AttributeDataType, 'Number');
  for (const name of ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
    'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'address']) {
    assert.ok(schemaAttribute(pool, name), `standard attribute ${name} is in SchemaAttributes`);
  }
});

test('CreateUserPool keeps the given settings and prefixes custom schema attributes', async () => {
  const pool = await createPool(server.client(), {
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireUppercase: false,
        RequireLowercase: true,
        RequireNumbers: false,
        RequireSymbols: false,
        TemporaryPasswordValidityDays: 3,
      },
    },
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    DeletionProtection: 'ACTIVE',
    UserPoolTags: { team: 'compat' },
    Schema: [{
      Name: 'tenant',
      AttributeDataType: 'String',
      Mutable: true,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
    }],
  });

  assert.deepEqual(pool.Policies.PasswordPolicy, {
    MinimumLength: 12,
    RequireUppercase: false,
    RequireLowercase: true,
    RequireNumbers: false,
    RequireSymbols: false,
    TemporaryPasswordValidityDays: 3,
  });
  assert.deepEqual(pool.UsernameAttributes, ['email']);
  assert.deepEqual(pool.AutoVerifiedAttributes, ['email']);
  assert.equal(pool.DeletionProtection, 'ACTIVE');
  assert.deepEqual(pool.UserPoolTags, { team: 'compat' });
  const tenant = schemaAttribute(pool, 'custom:tenant');
  assert.equal(tenant?.AttributeDataType, 'String');
  assert.equal(tenant?.Mutable, true);
  assert.deepEqual(tenant?.StringAttributeConstraints, { MinLength: '1', MaxLength: '64' });
  assert.equal(schemaAttribute(pool, 'tenant'), undefined);
});

test('CreateUserPool with invalid input → InvalidParameterException', async () => {
  const cognito = server.client();
  await expectAwsError(cognito.send(new CreateUserPoolCommand({})), 'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateUserPoolCommand({ PoolName: 'slash/not/allowed' })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateUserPoolCommand({ PoolName: 'x'.repeat(129) })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateUserPoolCommand({
    PoolName: unique('pool'),
    Policies: { PasswordPolicy: { MinimumLength: 5 } },
  })), 'InvalidParameterException');
});

test('DescribeUserPool returns what CreateUserPool returned', async () => {
  const cognito = server.client();
  const created = await createPool(cognito, { UserPoolTags: { env: 'test' } });
  const { UserPool: described } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }));

  assert.equal(described.Id, created.Id);
  assert.equal(described.Name, created.Name);
  assert.equal(described.Arn, created.Arn);
  assert.equal(described.CreationDate.getTime(), created.CreationDate.getTime());
  assert.deepEqual(described.Policies, created.Policies);
  assert.deepEqual(described.SchemaAttributes, created.SchemaAttributes);
  assert.deepEqual(described.UserPoolTags, { env: 'test' });
  assert.equal(described.MfaConfiguration, 'OFF');
});

test('DescribeUserPool of an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new DescribeUserPoolCommand({ UserPoolId: MISSING_POOL })),
    'ResourceNotFoundException');
});

test('DescribeUserPool with a malformed pool id → InvalidParameterException', async () => {
  await expectAwsError(server.client().send(new DescribeUserPoolCommand({ UserPoolId: 'not a pool id' })),
    'InvalidParameterException');
});

test('UpdateUserPool changes the settings it is given and keeps name, id and creation date', async () => {
  const cognito = server.client();
  const created = await createPool(cognito);
  const response = await cognito.send(new UpdateUserPoolCommand({
    UserPoolId: created.Id,
    Policies: { PasswordPolicy: { MinimumLength: 14, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 2 } },
    AutoVerifiedAttributes: ['email'],
    UserPoolTags: { owner: 'compat' },
    DeletionProtection: 'ACTIVE',
  }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  const { UserPool: pool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(pool.Name, created.Name);
  assert.equal(pool.Arn, created.Arn);
  assert.equal(pool.CreationDate.getTime(), created.CreationDate.getTime());
  assert.ok(pool.LastModifiedDate.getTime() >= created.LastModifiedDate.getTime());
  assert.deepEqual(pool.Policies.PasswordPolicy, {
    MinimumLength: 14,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: false,
    TemporaryPasswordValidityDays: 2,
  });
  assert.deepEqual(pool.AutoVerifiedAttributes, ['email']);
  assert.deepEqual(pool.UserPoolTags, { owner: 'compat' });
  assert.equal(pool.DeletionProtection, 'ACTIVE');
});

test('UpdateUserPool resets settings it is not given to their defaults', async () => {
  // API reference, UpdateUserPool: "If you don't provide a value for an attribute, Amazon Cognito sets it to its
  // default value."
  const cognito = server.client();
  const created = await createPool(cognito, {
    Policies: { PasswordPolicy: { MinimumLength: 20, RequireUppercase: false, RequireLowercase: false, RequireNumbers: false, RequireSymbols: false } },
  });
  await cognito.send(new UpdateUserPoolCommand({ UserPoolId: created.Id, UserPoolTags: { only: 'tags' } }));

  const { UserPool: pool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(pool.Policies.PasswordPolicy.MinimumLength, 8);
  assert.equal(pool.Policies.PasswordPolicy.RequireUppercase, true);
  assert.equal(pool.DeletionProtection, 'INACTIVE');
});

test('UpdateUserPool of an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new UpdateUserPoolCommand({ UserPoolId: MISSING_POOL })),
    'ResourceNotFoundException');
});

test('UpdateUserPool with an out-of-range setting → InvalidParameterException', async () => {
  const cognito = server.client();
  const created = await createPool(cognito);
  await expectAwsError(cognito.send(new UpdateUserPoolCommand({
    UserPoolId: created.Id,
    Policies: { PasswordPolicy: { MinimumLength: 100 } },
  })), 'InvalidParameterException');
  const { UserPool: pool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(pool.Policies.PasswordPolicy.MinimumLength, 8, 'a refused update changes nothing');
});

test('DeleteUserPool removes the pool', async () => {
  const cognito = server.client();
  const created = await createPool(cognito);
  const response = await cognito.send(new DeleteUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  await expectAwsError(cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new DeleteUserPoolCommand({ UserPoolId: created.Id })), 'ResourceNotFoundException');
});

test('DeleteUserPool with DeletionProtection ACTIVE → InvalidParameterException until it is deactivated', async () => {
  const cognito = server.client();
  const created = await createPool(cognito, { DeletionProtection: 'ACTIVE' });

  await expectAwsError(cognito.send(new DeleteUserPoolCommand({ UserPoolId: created.Id })), 'InvalidParameterException');
  const { UserPool: still } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }));
  assert.equal(still.Id, created.Id);

  await cognito.send(new UpdateUserPoolCommand({ UserPoolId: created.Id, DeletionProtection: 'INACTIVE' }));
  await cognito.send(new DeleteUserPoolCommand({ UserPoolId: created.Id }));
  await expectAwsError(cognito.send(new DescribeUserPoolCommand({ UserPoolId: created.Id })), 'ResourceNotFoundException');
});

test('DeleteUserPool of an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new DeleteUserPoolCommand({ UserPoolId: MISSING_POOL })),
    'ResourceNotFoundException');
});

test('ListUserPools pages with MaxResults and NextToken and lists every pool once', async () => {
  const cognito = server.client();
  const mine = [];
  for (let i = 0; i < 5; i += 1) {
    mine.push(await createPool(cognito));
  }

  const seen = [];
  let NextToken;
  let pages = 0;
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken }));
    assert.ok(page.UserPools.length <= 2, `page of ${page.UserPools.length} with MaxResults 2`);
    seen.push(...page.UserPools);
    NextToken = page.NextToken;
    pages += 1;
    assert.ok(pages < 100, 'pagination ends');
  } while (NextToken);

  assert.ok(pages >= 3, `5 pools in pages of 2 take at least 3 pages, took ${pages}`);
  const ids = seen.map((p) => p.Id);
  assert.equal(new Set(ids).size, ids.length, 'no pool is listed twice');
  for (const pool of mine) {
    const listed = seen.find((p) => p.Id === pool.Id);
    assert.ok(listed, `${pool.Id} is listed`);
    assert.equal(listed.Name, pool.Name);
    assert.ok(listed.CreationDate instanceof Date);
    assert.ok(listed.LastModifiedDate instanceof Date);
  }
});

test('ListUserPools no longer lists a deleted pool', async () => {
  const cognito = server.client();
  const doomed = await createPool(cognito);
  await cognito.send(new DeleteUserPoolCommand({ UserPoolId: doomed.Id }));
  const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  assert.equal(UserPools.find((p) => p.Id === doomed.Id), undefined);
});

test('ListUserPools with MaxResults out of 1..60 or without it → InvalidParameterException', async () => {
  const cognito = server.client();
  await expectAwsError(cognito.send(new ListUserPoolsCommand({ MaxResults: 0 })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new ListUserPoolsCommand({ MaxResults: 61 })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new ListUserPoolsCommand({})), 'InvalidParameterException');
});

test('AddCustomAttributes adds custom: attributes to the schema', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const response = await cognito.send(new AddCustomAttributesCommand({
    UserPoolId: pool.Id,
    CustomAttributes: [
      { Name: 'tier', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '20' } },
      { Name: 'level', AttributeDataType: 'Number', Mutable: true, NumberAttributeConstraints: { MinValue: '0', MaxValue: '10' } },
    ],
  }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  const { UserPool: described } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
  const tier = schemaAttribute(described, 'custom:tier');
  assert.equal(tier?.AttributeDataType, 'String');
  assert.equal(tier?.Mutable, true);
  assert.equal(tier?.Required, false);
  assert.deepEqual(tier?.StringAttributeConstraints, { MinLength: '1', MaxLength: '20' });
  const level = schemaAttribute(described, 'custom:level');
  assert.equal(level?.AttributeDataType, 'Number');
  assert.deepEqual(level?.NumberAttributeConstraints, { MinValue: '0', MaxValue: '10' });
  assert.equal(described.SchemaAttributes.length, pool.SchemaAttributes.length + 2);
});

test('AddCustomAttributes with a name already in the schema → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const attribute = { Name: 'dept', AttributeDataType: 'String', Mutable: true };
  await cognito.send(new AddCustomAttributesCommand({ UserPoolId: pool.Id, CustomAttributes: [attribute] }));
  await expectAwsError(cognito.send(new AddCustomAttributesCommand({ UserPoolId: pool.Id, CustomAttributes: [attribute] })),
    'InvalidParameterException');

  const { UserPool: described } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
  assert.equal(described.SchemaAttributes.filter((a) => a.Name === 'custom:dept').length, 1);
});

test('AddCustomAttributes with invalid input → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AddCustomAttributesCommand({
    UserPoolId: pool.Id, CustomAttributes: [{ Name: 'x'.repeat(21), AttributeDataType: 'String' }],
  })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new AddCustomAttributesCommand({ UserPoolId: pool.Id, CustomAttributes: [] })),
    'InvalidParameterException');
});

test('AddCustomAttributes on an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new AddCustomAttributesCommand({
    UserPoolId: MISSING_POOL, CustomAttributes: [{ Name: 'tier', AttributeDataType: 'String' }],
  })), 'ResourceNotFoundException');
});

test('GetUserPoolMfaConfig of a new pool says OFF', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const config = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
  assert.equal(config.MfaConfiguration, 'OFF');
  assert.notEqual(config.SoftwareTokenMfaConfiguration?.Enabled, true);
});

test('SetUserPoolMfaConfig turns on optional TOTP; Get and Describe show it', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const set = await cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: pool.Id,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  }));
  assert.equal(set.MfaConfiguration, 'OPTIONAL');
  assert.deepEqual(set.SoftwareTokenMfaConfiguration, { Enabled: true });

  const got = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
  assert.equal(got.MfaConfiguration, 'OPTIONAL');
  assert.deepEqual(got.SoftwareTokenMfaConfiguration, { Enabled: true });
  const { UserPool: described } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
  assert.equal(described.MfaConfiguration, 'OPTIONAL');

  await cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.Id, MfaConfiguration: 'OFF' }));
  const off = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
  assert.equal(off.MfaConfiguration, 'OFF');
});

test('SetUserPoolMfaConfig with MFA required but no factor → InvalidParameterException', async () => {
  // Observed: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration."
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.Id, MfaConfiguration: 'ON' })),
    'InvalidParameterException');
  await expectAwsError(cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: pool.Id, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: false },
  })), 'InvalidParameterException');
  const config = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.Id }));
  assert.equal(config.MfaConfiguration, 'OFF', 'a refused change changes nothing');
});

test('SetUserPoolMfaConfig with MFA OFF and a factor enabled → InvalidParameterException', async () => {
  // Observed: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: pool.Id, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true },
  })), 'InvalidParameterException');
});

test('Get/SetUserPoolMfaConfig on an unknown pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  await expectAwsError(cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: MISSING_POOL })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: MISSING_POOL, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true },
  })), 'ResourceNotFoundException');
});
