// Tokens with Cognito's own issuer form: the server started with
// Gatehouse__Tokens__IssuerTemplate=https://cognito-idp.{region}.amazonaws.com/{userPoolId}, so that code built for
// Cognito (aws-jwt-verify's CognitoJwtVerifier, which derives the issuer from the pool id) accepts Gatehouse
// tokens. The verifier would fetch the JWKS from AWS; it is given the pool's JWKS from this server instead
// (cacheJwks, the library's documented way to preload keys).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminAddUserToGroupCommand, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
} from 'aws-jwt-verify/error';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authSetup, passwordAuth, peek, signUpConfirmed } from './lib/auth.mjs';
import { REGION, useServer } from './lib/server.mjs';

const server = useServer({
  env: { Gatehouse__Tokens__IssuerTemplate: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}' },
});

async function signedIn() {
  const cognito = server.client();
  const setup = await authSetup(cognito);
  const user = await signUpConfirmed(server, cognito, setup.clientId);
  const { AuthenticationResult: tokens } = await passwordAuth(cognito, setup.clientId, user.username, user.password);
  return { ...setup, cognito, user, tokens };
}

test('with the Cognito issuer template, iss is https://cognito-idp.{region}.amazonaws.com/{poolId}', async () => {
  const { poolId, tokens } = await signedIn();
  const expected = `https://cognito-idp.${REGION}.amazonaws.com/${poolId}`;
  assert.equal(poolId.split('_')[0], REGION, 'pool ids carry the configured region');
  assert.equal(peek(tokens.IdToken).payload.iss, expected);
  assert.equal(peek(tokens.AccessToken).payload.iss, expected);

  // The documents are still served by this server under {endpoint}/{poolId}; discovery names the minted issuer.
  const discovery = await (await fetch(`${server.endpoint}/${poolId}/.well-known/openid-configuration`)).json();
  assert.equal(discovery.issuer, expected);
  const jwks = createRemoteJWKSet(new URL(`${server.endpoint}/${poolId}/.well-known/jwks.json`));
  await jwtVerify(tokens.IdToken, jwks, { issuer: expected });
});

test('aws-jwt-verify CognitoJwtVerifier accepts the ID and access tokens (tokenUse, clientId, groups)', async () => {
  const { cognito, poolId, clientId, user } = await signedIn();
  await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins' }));
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.username, GroupName: 'admins' }));
  const { AuthenticationResult: tokens } = await passwordAuth(cognito, clientId, user.username, user.password);
  const jwks = await (await fetch(`${server.endpoint}/${poolId}/.well-known/jwks.json`)).json();

  const idVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId });
  idVerifier.cacheJwks(jwks);
  const id = await idVerifier.verify(tokens.IdToken);
  assert.equal(id['cognito:username'], user.username);

  const accessVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'access', clientId, groups: 'admins' });
  accessVerifier.cacheJwks(jwks);
  const access = await accessVerifier.verify(tokens.AccessToken);
  assert.equal(access.username, user.username);
  assert.deepEqual(access['cognito:groups'], ['admins']);

  await assert.rejects(idVerifier.verify(tokens.AccessToken), CognitoJwtInvalidTokenUseError);
  const otherGroup = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'access', clientId, groups: 'nobody' });
  otherGroup.cacheJwks(jwks);
  await assert.rejects(otherGroup.verify(tokens.AccessToken), CognitoJwtInvalidGroupError);
  const otherClient = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId: 'someoneelse' });
  otherClient.cacheJwks(jwks);
  await assert.rejects(otherClient.verify(tokens.IdToken), CognitoJwtInvalidClientIdError);
});
