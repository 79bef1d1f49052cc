// Hosted UI (classic) branding through the JS SDK v3: SetUICustomization / GetUICustomization for the pool (ALL)
// and for one app client, the CSS class check, and the logo served at ImageUrl.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import {
  CreateUserPoolDomainCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createClient, createPool } from './lib/builders.mjs';
import { expectAwsError, useServer } from './lib/server.mjs';

const server = useServer();

/** A pool with a prefix domain: "To customize your UI, you must set up a domain for your user pool". */
async function poolWithDomain(cognito) {
  const pool = await createPool(cognito);
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: pool.Id, Domain: `b${randomBytes(6).toString('hex')}` }));
  return pool;
}
const CSS = '.background-customizable { background-color: #f4f4f4; }';
// The PNG signature and an IHDR start: enough for the upload check, which reads the signature.
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

test('SetUICustomization for the pool applies to every client until a client sets its own', async () => {
  const cognito = server.client();
  const pool = await poolWithDomain(cognito);
  const clientA = await createClient(cognito, pool.Id);
  const clientB = await createClient(cognito, pool.Id);

  const { UICustomization: poolLevel } = await cognito.send(new SetUICustomizationCommand({
    UserPoolId: pool.Id, ClientId: 'ALL', CSS, ImageFile: PNG,
  }));
  assert.equal(poolLevel.UserPoolId, pool.Id);
  assert.equal(poolLevel.ClientId, 'ALL');
  assert.equal(poolLevel.CSS, CSS);
  assert.equal(typeof poolLevel.CSSVersion, 'string');
  assert.ok(poolLevel.CreationDate instanceof Date);
  assert.ok(poolLevel.LastModifiedDate instanceof Date);

  const logo = await fetch(poolLevel.ImageUrl);
  assert.equal(logo.status, 200);
  assert.equal(logo.headers.get('content-type'), 'image/png');
  assert.deepEqual(new Uint8Array(await logo.arrayBuffer()), PNG);

  const clientCss = '.submitButton-customizable { background-color: #222; }';
  await cognito.send(new SetUICustomizationCommand({ UserPoolId: pool.Id, ClientId: clientA.ClientId, CSS: clientCss }));
  const { UICustomization: forA } = await cognito.send(new GetUICustomizationCommand({ UserPoolId: pool.Id, ClientId: clientA.ClientId }));
  const { UICustomization: forB } = await cognito.send(new GetUICustomizationCommand({ UserPoolId: pool.Id, ClientId: clientB.ClientId }));
  assert.equal(forA.ClientId, clientA.ClientId);
  assert.equal(forA.CSS, clientCss);
  assert.equal(forA.ImageUrl, undefined, 'a client-level customization replaces the pool one entirely');
  assert.equal(forB.ClientId, 'ALL');
  assert.equal(forB.ImageUrl, poolLevel.ImageUrl);
});

test('SetUICustomization without a domain, with a class outside the customizable ones, or a non-image logo → InvalidParameterException', async () => {
  const cognito = server.client();
  const bare = await createPool(cognito);
  await expectAwsError(cognito.send(new SetUICustomizationCommand({ UserPoolId: bare.Id, CSS })), 'InvalidParameterException');
  const pool = await poolWithDomain(cognito);
  await expectAwsError(cognito.send(new SetUICustomizationCommand({
    UserPoolId: pool.Id, CSS: '.my-class { color: red; }',
  })), 'InvalidParameterException');
  await expectAwsError(cognito.send(new SetUICustomizationCommand({
    UserPoolId: pool.Id, CSS, ImageFile: new TextEncoder().encode('not an image'),
  })), 'InvalidParameterException');
  const { UICustomization } = await cognito.send(new GetUICustomizationCommand({ UserPoolId: pool.Id }));
  assert.deepEqual(UICustomization, { UserPoolId: pool.Id, ClientId: 'ALL' });
});
