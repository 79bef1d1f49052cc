// UI customization assets in a real browser: the logo at ImageUrl renders as an image of its size.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import {
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { launch, screenshot } from './lib/chromium.mjs';
import { solidPng } from './lib/png.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the logo set with SetUICustomization renders at its ImageUrl', async (t) => {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('pool') }));
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: `b${randomBytes(6).toString('hex')}` }));
  const logo = solidPng(120, 60, [10, 125, 59]);
  const { UICustomization } = await cognito.send(new SetUICustomizationCommand({
    UserPoolId: UserPool.Id, ImageFile: logo,
  }));

  const page = await browser.newPage();
  const response = await page.goto(UICustomization.ImageUrl);
  assert.equal(response.status(), 200);
  const size = await page.evaluate(() => {
    const image = document.querySelector('img');
    return { width: image?.naturalWidth, height: image?.naturalHeight };
  });
  assert.deepEqual(size, { width: 120, height: 60 });
  await screenshot(t, page, 'branding', 'logo');
  await page.close();
});
