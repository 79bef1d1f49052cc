// Users through the JS SDK v3: the admin user operations and ListUsers, including the invitation in the outbox.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GOOD_PASSWORD, createClient, createPool, createUser, outboxMessages, uniqueEmail } from './lib/builders.mjs';
import { attributeMap, expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const MISSING_POOL = 'us-east-1_NoSuchPool1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function getUser(cognito, poolId, username) {
  return cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
}

/** A pool with two custom attributes: `custom:tier` (mutable) and `custom:fixed` (immutable). */
async function poolWithCustomAttributes(cognito) {
  return createPool(cognito, {
    Schema: [
      { Name: 'tier', AttributeDataType: 'String', Mutable: true },
      { Name: 'fixed', AttributeDataType: 'String', Mutable: false },
    ],
  });
}

// --- AdminCreateUser ---------------------------------------------------------------------------------------------

test('AdminCreateUser creates a FORCE_CHANGE_PASSWORD user with a sub', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const username = unique('alice');
  const email = uniqueEmail('alice');
  const response = await cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }, { Name: 'given_name', Value: 'Alice' }],
  }));
  const user = response.User;

  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal(user.Username, username);
  assert.equal(user.Enabled, true);
  assert.equal(user.UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.ok(user.UserCreateDate instanceof Date);
  assert.ok(user.UserLastModifiedDate instanceof Date);
  const attributes = attributeMap(user.Attributes);
  assert.match(attributes.sub, UUID);
  assert.equal(attributes.email, email);
  assert.equal(attributes.email_verified, 'true');
  assert.equal(attributes.given_name, 'Alice');
});

test('AdminCreateUser with DesiredDeliveryMediums EMAIL sends the invitation with the given temporary password', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const username = unique('invited');
  const email = uniqueEmail('invited');
  const temporary = 'Temp-Passw0rd!';
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id,
    Username: username,
    TemporaryPassword: temporary,
    DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }],
  }));

  const messages = await outboxMessages(server, email);
  assert.equal(messages.length, 1);
  const [message] = messages;
  assert.equal(message.poolId, pool.Id);
  assert.equal(message.channel, 'EMAIL');
  assert.equal(message.destination, email);
  assert.equal(typeof message.subject, 'string');
  assert.ok(message.body.includes(temporary), 'the invitation carries the temporary password');
  assert.ok(message.body.includes(username), 'the default invitation names the user');
  assert.doesNotMatch(message.body, /\{####\}|\{username\}/, 'placeholders are filled in');
});

test('AdminCreateUser without TemporaryPassword generates one and sends it in the invitation', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const username = unique('generated');
  const email = uniqueEmail('generated');
  const { User } = await cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id,
    Username: username,
    DesiredDeliveryMediums: ['EMAIL'],
    UserAttributes: [{ Name: 'email', Value: email }],
  }));
  assert.equal(User.UserStatus, 'FORCE_CHANGE_PASSWORD');

  const messages = await outboxMessages(server, email);
  assert.equal(messages.length, 1);
  assert.ok(messages[0].body.includes(username));
  assert.doesNotMatch(messages[0].body, /\{####\}|\{username\}/);
});

test('AdminCreateUser with MessageAction SUPPRESS sends nothing', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { email } = await createUser(cognito, pool.Id, { DesiredDeliveryMediums: ['EMAIL'], TemporaryPassword: 'Temp-Passw0rd!' });
  assert.deepEqual(await server.outbox(email), []);
});

test('AdminCreateUser with MessageAction RESEND sends the invitation again with a new temporary password', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const username = unique('resend');
  const email = uniqueEmail('resend');
  const create = (input) => cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: username, DesiredDeliveryMediums: ['EMAIL'], ...input,
  }));
  await create({ TemporaryPassword: 'First-Passw0rd!', UserAttributes: [{ Name: 'email', Value: email }] });
  const { User } = await create({ MessageAction: 'RESEND', TemporaryPassword: 'Second-Passw0rd!' });

  assert.equal(User.Username, username);
  assert.equal(User.UserStatus, 'FORCE_CHANGE_PASSWORD');
  const messages = await outboxMessages(server, email, 2);
  assert.equal(messages.length, 2);
  assert.ok(messages.some((m) => m.body.includes('First-Passw0rd!')));
  assert.ok(messages.some((m) => m.body.includes('Second-Passw0rd!')));
});

test('AdminCreateUser RESEND for a user who does not exist → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: unique('ghost'), MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'],
  })), 'UserNotFoundException');
});

test('AdminCreateUser RESEND for a confirmed user → UnsupportedUserStateException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  await expectAwsError(cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: username, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'],
  })), 'UnsupportedUserStateException');
});

test('AdminCreateUser with a username already taken → UsernameExistsException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username, user } = await createUser(cognito, pool.Id);
  await expectAwsError(cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: username, MessageAction: 'SUPPRESS',
  })), 'UsernameExistsException');
  const { UserAttributes } = await getUser(cognito, pool.Id, username);
  assert.equal(attributeMap(UserAttributes).sub, attributeMap(user.Attributes).sub, 'the first user is untouched');
});

test('AdminCreateUser with a temporary password that breaks the policy → InvalidPasswordException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const username = unique('weak');
  await expectAwsError(cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: username, TemporaryPassword: 'lowercaseonly1', MessageAction: 'SUPPRESS',
  })), 'InvalidPasswordException');
  await expectAwsError(getUser(cognito, pool.Id, username), 'UserNotFoundException');
});

test('AdminCreateUser with invalid attributes → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const create = (attributes) => cognito.send(new AdminCreateUserCommand({
    UserPoolId: pool.Id, Username: unique('bad'), MessageAction: 'SUPPRESS', UserAttributes: attributes,
  }));
  await expectAwsError(create([{ Name: 'custom:not_in_schema', Value: 'x' }]), 'InvalidParameterException');
  await expectAwsError(create([{ Name: 'email', Value: 'not-an-email' }]), 'InvalidParameterException');
  await expectAwsError(cognito.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: '' })), 'InvalidParameterException');
});

test('AdminCreateUser in an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new AdminCreateUserCommand({
    UserPoolId: MISSING_POOL, Username: 'someone', MessageAction: 'SUPPRESS',
  })), 'ResourceNotFoundException');
});

// --- AdminGetUser, AdminDeleteUser -------------------------------------------------------------------------------

test('AdminGetUser returns the user and its attributes', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username, email, user } = await createUser(cognito, pool.Id);
  const got = await getUser(cognito, pool.Id, username);

  assert.equal(got.Username, username);
  assert.equal(got.Enabled, true);
  assert.equal(got.UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.equal(got.UserCreateDate.getTime(), user.UserCreateDate.getTime());
  assert.ok(got.UserLastModifiedDate instanceof Date);
  const attributes = attributeMap(got.UserAttributes);
  assert.equal(attributes.sub, attributeMap(user.Attributes).sub);
  assert.equal(attributes.email, email);
  assert.equal(attributes.email_verified, 'true');
});

test('AdminGetUser of an unknown user → UserNotFoundException; of an unknown pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(getUser(cognito, pool.Id, unique('nobody')), 'UserNotFoundException');
  await expectAwsError(getUser(cognito, MISSING_POOL, 'nobody'), 'ResourceNotFoundException');
});

test('AdminDeleteUser removes the user', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  const { username: other } = await createUser(cognito, pool.Id);
  const response = await cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  await expectAwsError(getUser(cognito, pool.Id, username), 'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id, Username: username })), 'UserNotFoundException');
  assert.equal((await getUser(cognito, pool.Id, other)).Username, other, 'other users stay');
});

test('AdminDeleteUser frees the username for a new user with a new sub', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username, user } = await createUser(cognito, pool.Id);
  await cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id, Username: username }));
  const { user: again } = await createUser(cognito, pool.Id, { Username: username });
  assert.notEqual(attributeMap(again.Attributes).sub, attributeMap(user.Attributes).sub);
});

test('AdminDeleteUser in an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new AdminDeleteUserCommand({ UserPoolId: MISSING_POOL, Username: 'x' })),
    'ResourceNotFoundException');
});

// --- attributes ----------------------------------------------------------------------------------------------------

test('AdminUpdateUserAttributes sets standard and custom attributes', async () => {
  const cognito = server.client();
  const pool = await poolWithCustomAttributes(cognito);
  const { username, email } = await createUser(cognito, pool.Id);
  const response = await cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id,
    Username: username,
    UserAttributes: [{ Name: 'given_name', Value: 'Bob' }, { Name: 'custom:tier', Value: 'gold' }],
  }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  const attributes = attributeMap((await getUser(cognito, pool.Id, username)).UserAttributes);
  assert.equal(attributes.given_name, 'Bob');
  assert.equal(attributes['custom:tier'], 'gold');
  assert.equal(attributes.email, email, 'attributes not named are kept');

  await cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id, Username: username, UserAttributes: [{ Name: 'custom:tier', Value: 'silver' }],
  }));
  const again = attributeMap((await getUser(cognito, pool.Id, username)).UserAttributes);
  assert.equal(again['custom:tier'], 'silver');
  assert.equal(again.given_name, 'Bob');
});

test('AdminUpdateUserAttributes with an email and email_verified true keeps it verified', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  const email = uniqueEmail('changed');
  await cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id,
    Username: username,
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  }));
  const attributes = attributeMap((await getUser(cognito, pool.Id, username)).UserAttributes);
  assert.equal(attributes.email, email);
  assert.equal(attributes.email_verified, 'true');
});

test('AdminUpdateUserAttributes with an unknown, immutable or read-only attribute → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await poolWithCustomAttributes(cognito);
  const { username, user } = await createUser(cognito, pool.Id, {
    UserAttributes: [{ Name: 'email', Value: uniqueEmail() }, { Name: 'custom:fixed', Value: 'original' }],
  });
  const update = (attributes) => cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id, Username: username, UserAttributes: attributes,
  }));
  await expectAwsError(update([{ Name: 'custom:not_in_schema', Value: 'x' }]), 'InvalidParameterException');
  await expectAwsError(update([{ Name: 'custom:fixed', Value: 'changed' }]), 'InvalidParameterException');
  await expectAwsError(update([{ Name: 'sub', Value: '00000000-0000-0000-0000-000000000000' }]), 'InvalidParameterException');

  const attributes = attributeMap((await getUser(cognito, pool.Id, username)).UserAttributes);
  assert.equal(attributes['custom:fixed'], 'original');
  assert.equal(attributes.sub, attributeMap(user.Attributes).sub);
});

test('AdminUpdateUserAttributes of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool.Id, Username: unique('nobody'), UserAttributes: [{ Name: 'given_name', Value: 'x' }],
  })), 'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: MISSING_POOL, Username: 'nobody', UserAttributes: [{ Name: 'given_name', Value: 'x' }],
  })), 'ResourceNotFoundException');
});

test('AdminDeleteUserAttributes removes the named attributes only', async () => {
  const cognito = server.client();
  const pool = await poolWithCustomAttributes(cognito);
  const { username, email } = await createUser(cognito, pool.Id, {
    UserAttributes: [
      { Name: 'email', Value: uniqueEmail('del') },
      { Name: 'given_name', Value: 'Carol' },
      { Name: 'family_name', Value: 'Jones' },
      { Name: 'custom:tier', Value: 'gold' },
    ],
  }).then(async (created) => ({ ...created, email: attributeMap(created.user.Attributes).email }));
  const response = await cognito.send(new AdminDeleteUserAttributesCommand({
    UserPoolId: pool.Id, Username: username, UserAttributeNames: ['given_name', 'custom:tier'],
  }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  const attributes = attributeMap((await getUser(cognito, pool.Id, username)).UserAttributes);
  assert.equal(attributes.given_name, undefined);
  assert.equal(attributes['custom:tier'], undefined);
  assert.equal(attributes.family_name, 'Jones');
  assert.equal(attributes.email, email);
});

test('AdminDeleteUserAttributes of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminDeleteUserAttributesCommand({
    UserPoolId: pool.Id, Username: unique('nobody'), UserAttributeNames: ['given_name'],
  })), 'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminDeleteUserAttributesCommand({
    UserPoolId: MISSING_POOL, Username: 'nobody', UserAttributeNames: ['given_name'],
  })), 'ResourceNotFoundException');
});

// --- passwords and status ------------------------------------------------------------------------------------------

test('AdminSetUserPassword Permanent true confirms the user; Permanent false forces a change', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  const response = await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: pool.Id, Username: username, Password: GOOD_PASSWORD, Permanent: true,
  }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'CONFIRMED');

  await cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: pool.Id, Username: username, Password: 'An0ther-Passw0rd!', Permanent: false,
  }));
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'FORCE_CHANGE_PASSWORD');
});

test('AdminSetUserPassword with a password that breaks the policy → InvalidPasswordException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  await expectAwsError(cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: pool.Id, Username: username, Password: 'NoDigitsOrSymbols', Permanent: true,
  })), 'InvalidPasswordException');
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'FORCE_CHANGE_PASSWORD');
});

test('AdminSetUserPassword of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminSetUserPasswordCommand({
    UserPoolId: pool.Id, Username: unique('nobody'), Password: GOOD_PASSWORD, Permanent: true,
  })), 'UserNotFoundException');
});

test('AdminResetUserPassword sets RESET_REQUIRED and emails a code to the verified address', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username, email } = await createUser(cognito, pool.Id);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  const response = await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(response.$metadata.httpStatusCode, 200);

  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'RESET_REQUIRED');
  const messages = await outboxMessages(server, email);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].channel, 'EMAIL');
  assert.match(messages[0].body, /\b\d{6}\b/, 'the message carries a 6-digit code');
});

test('AdminResetUserPassword without a verified email or phone → InvalidParameterException', async () => {
  // Observed: "Cannot reset password for the user as there is no registered/verified email or phone_number".
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id, {
    UserAttributes: [{ Name: 'email', Value: uniqueEmail('unverified') }, { Name: 'email_verified', Value: 'false' }],
  });
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  await expectAwsError(cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.Id, Username: username })),
    'InvalidParameterException');
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'CONFIRMED');
});

test('AdminResetUserPassword of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.Id, Username: unique('nobody') })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: MISSING_POOL, Username: 'nobody' })),
    'ResourceNotFoundException');
});

test('AdminConfirmSignUp confirms a user who signed up', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const client = await createClient(cognito, pool.Id);
  const username = unique('signup');
  const signUp = await cognito.send(new SignUpCommand({
    ClientId: client.ClientId, Username: username, Password: GOOD_PASSWORD,
    UserAttributes: [{ Name: 'email', Value: uniqueEmail('signup') }],
  }));
  assert.equal(signUp.UserConfirmed, false);
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'UNCONFIRMED');

  const response = await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal((await getUser(cognito, pool.Id, username)).UserStatus, 'CONFIRMED');
});

test('AdminConfirmSignUp of a user who is not UNCONFIRMED → NotAuthorizedException', async () => {
  // Observed: "User cannot be confirmed. Current status is CONFIRMED".
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
  await expectAwsError(cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.Id, Username: username })),
    'NotAuthorizedException');
});

test('AdminConfirmSignUp of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.Id, Username: unique('nobody') })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: MISSING_POOL, Username: 'nobody' })),
    'ResourceNotFoundException');
});

test('AdminDisableUser and AdminEnableUser switch Enabled', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);

  const disabled = await cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(disabled.$metadata.httpStatusCode, 200);
  assert.equal((await getUser(cognito, pool.Id, username)).Enabled, false);
  await cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal((await getUser(cognito, pool.Id, username)).Enabled, false, 'disabling twice is fine');

  const enabled = await cognito.send(new AdminEnableUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(enabled.$metadata.httpStatusCode, 200);
  const user = await getUser(cognito, pool.Id, username);
  assert.equal(user.Enabled, true);
  assert.equal(user.UserStatus, 'FORCE_CHANGE_PASSWORD', 'enabling does not change the status');
});

test('AdminDisableUser and AdminEnableUser of an unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new AdminDisableUserCommand({ UserPoolId: pool.Id, Username: unique('nobody') })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminEnableUserCommand({ UserPoolId: pool.Id, Username: unique('nobody') })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminDisableUserCommand({ UserPoolId: MISSING_POOL, Username: 'nobody' })),
    'ResourceNotFoundException');
});

// --- ListUsers -----------------------------------------------------------------------------------------------------

/** A pool with five users: ann-1..3@<tag>.example.com and bob-1..2@<tag>.example.com. */
async function poolWithFiveUsers(cognito) {
  const pool = await createPool(cognito);
  const tag = unique('t').toLowerCase();
  const users = [];
  for (const who of ['ann-1', 'ann-2', 'ann-3', 'bob-1', 'bob-2']) {
    const email = `${who}@${tag}.example.com`;
    const created = await createUser(cognito, pool.Id, {
      Username: `${who}-${tag}`,
      UserAttributes: [{ Name: 'email', Value: email }, { Name: 'given_name', Value: who }],
    });
    users.push({ ...created, email });
  }
  return { pool, users };
}

test('ListUsers without a filter lists every user of the pool with their attributes', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  await createUser(cognito, (await createPool(cognito)).Id);
  const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id }));

  assert.deepEqual(Users.map((u) => u.Username).sort(), users.map((u) => u.username).sort());
  const listed = Users.find((u) => u.Username === users[0].username);
  assert.equal(listed.Enabled, true);
  assert.equal(listed.UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.ok(listed.UserCreateDate instanceof Date);
  assert.ok(listed.UserLastModifiedDate instanceof Date);
  const attributes = attributeMap(listed.Attributes);
  assert.equal(attributes.email, users[0].email);
  assert.equal(attributes.given_name, 'ann-1');
  assert.match(attributes.sub, UUID);
});

test('ListUsers with Filter email = "..." finds exactly that user', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: `email = "${users[3].email}"` }));
  assert.deepEqual(Users.map((u) => u.Username), [users[3].username]);

  const none = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: 'email = "nobody@example.com"' }));
  assert.deepEqual(none.Users, []);
});

test('ListUsers with Filter email ^= "..." finds users by prefix', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: 'email ^= "ann-"' }));
  assert.deepEqual(Users.map((u) => u.Username).sort(), users.slice(0, 3).map((u) => u.username).sort());
});

test('ListUsers with Filter on username and on cognito:user_status', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: users[4].username, Password: GOOD_PASSWORD, Permanent: true }));

  const byName = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: `username = "${users[1].username}"` }));
  assert.deepEqual(byName.Users.map((u) => u.Username), [users[1].username]);
  const confirmed = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: 'cognito:user_status = "CONFIRMED"' }));
  assert.deepEqual(confirmed.Users.map((u) => u.Username), [users[4].username]);
});

test('ListUsers with AttributesToGet returns only those attributes', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  const { Users } = await cognito.send(new ListUsersCommand({
    UserPoolId: pool.Id, Filter: 'email ^= "bob-"', AttributesToGet: ['email'],
  }));
  assert.equal(Users.length, 2);
  for (const user of Users) {
    assert.deepEqual(user.Attributes.map((a) => a.Name), ['email']);
    assert.equal(user.Attributes[0].Value, users.find((u) => u.username === user.Username).email);
  }
});

test('ListUsers pages with Limit and PaginationToken', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  const seen = [];
  let PaginationToken;
  let pages = 0;
  do {
    const page = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Limit: 2, PaginationToken }));
    assert.ok(page.Users.length <= 2, `page of ${page.Users.length} with Limit 2`);
    seen.push(...page.Users.map((u) => u.Username));
    PaginationToken = page.PaginationToken;
    pages += 1;
    assert.ok(pages < 20, 'pagination ends');
  } while (PaginationToken);

  assert.ok(pages >= 3, `5 users in pages of 2 take at least 3 pages, took ${pages}`);
  assert.deepEqual([...seen].sort(), users.map((u) => u.username).sort(), 'every user once');
});

test('ListUsers pages through a filtered result too', async () => {
  const cognito = server.client();
  const { pool, users } = await poolWithFiveUsers(cognito);
  const seen = [];
  let PaginationToken;
  let pages = 0;
  do {
    const page = await cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, Filter: 'email ^= "ann-"', Limit: 1, PaginationToken }));
    seen.push(...page.Users.map((u) => u.Username));
    PaginationToken = page.PaginationToken;
    pages += 1;
    assert.ok(pages < 20, 'pagination ends');
  } while (PaginationToken);
  assert.deepEqual([...seen].sort(), users.slice(0, 3).map((u) => u.username).sort());
});

test('ListUsers with a malformed or unsupported filter, or Limit 61 → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await poolWithCustomAttributes(cognito);
  const list = (input) => cognito.send(new ListUsersCommand({ UserPoolId: pool.Id, ...input }));
  await expectAwsError(list({ Filter: 'email == "a@example.com"' }), 'InvalidParameterException');
  await expectAwsError(list({ Filter: 'email = a@example.com' }), 'InvalidParameterException');
  await expectAwsError(list({ Filter: 'custom:tier = "gold"' }), 'InvalidParameterException');
  await expectAwsError(list({ Limit: 61 }), 'InvalidParameterException');
});

test('ListUsers in an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new ListUsersCommand({ UserPoolId: MISSING_POOL })), 'ResourceNotFoundException');
});
