// Groups and memberships through the JS SDK v3.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AdminAddUserToGroupCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createPool, createUser } from './lib/builders.mjs';
import { attributeMap, expectAwsError, unique, useServer } from './lib/server.mjs';

const server = useServer();
const MISSING_POOL = 'us-east-1_NoSuchPool1';
const ROLE = 'arn:aws:iam::123456789012:role/compat-group-role';

async function createGroup(cognito, poolId, input = {}) {
  const { Group } = await cognito.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: unique('group'), ...input }));
  return Group;
}

async function pageAll(send, itemsKey) {
  const items = [];
  let NextToken;
  let pages = 0;
  do {
    const page = await send(NextToken);
    items.push(...page[itemsKey]);
    NextToken = page.NextToken;
    pages += 1;
    assert.ok(pages < 20, 'pagination ends');
  } while (NextToken);
  return { items, pages };
}

// --- CreateGroup, GetGroup, UpdateGroup, DeleteGroup ---------------------------------------------------------------

test('CreateGroup returns the group with its settings and dates', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const name = unique('admins');
  const response = await cognito.send(new CreateGroupCommand({
    UserPoolId: pool.Id, GroupName: name, Description: 'People who administer', Precedence: 1, RoleArn: ROLE,
  }));
  const group = response.Group;

  assert.equal(response.$metadata.httpStatusCode, 200);
  assert.equal(group.GroupName, name);
  assert.equal(group.UserPoolId, pool.Id);
  assert.equal(group.Description, 'People who administer');
  assert.equal(group.Precedence, 1);
  assert.equal(group.RoleArn, ROLE);
  assert.ok(group.CreationDate instanceof Date);
  assert.ok(group.LastModifiedDate instanceof Date);
});

test('CreateGroup with only a name has no description, precedence or role', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id);
  assert.equal(group.Description, undefined);
  assert.equal(group.Precedence, undefined);
  assert.equal(group.RoleArn, undefined);
});

test('CreateGroup with a name already in the pool → GroupExistsException; the same name in another pool is fine', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const other = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id, { Description: 'first' });

  await expectAwsError(cognito.send(new CreateGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName, Description: 'second' })),
    'GroupExistsException');
  const { Group: kept } = await cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName }));
  assert.equal(kept.Description, 'first');
  const elsewhere = await createGroup(cognito, other.Id, { GroupName: group.GroupName });
  assert.equal(elsewhere.UserPoolId, other.Id);
});

test('CreateGroup with invalid input → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new CreateGroupCommand({ UserPoolId: pool.Id, GroupName: unique('g'), Precedence: -1 })),
    'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateGroupCommand({ UserPoolId: pool.Id, GroupName: unique('g'), RoleArn: 'not-an-arn' })),
    'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateGroupCommand({ UserPoolId: pool.Id, GroupName: 'x'.repeat(129) })),
    'InvalidParameterException');
  await expectAwsError(cognito.send(new CreateGroupCommand({ UserPoolId: pool.Id })), 'InvalidParameterException');
  const { Groups } = await cognito.send(new ListGroupsCommand({ UserPoolId: pool.Id }));
  assert.deepEqual(Groups, [], 'refused requests create nothing');
});

test('CreateGroup in an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new CreateGroupCommand({ UserPoolId: MISSING_POOL, GroupName: 'g' })),
    'ResourceNotFoundException');
});

test('GetGroup returns what CreateGroup returned', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const created = await createGroup(cognito, pool.Id, { Description: 'd', Precedence: 7, RoleArn: ROLE });
  const { Group: got } = await cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: created.GroupName }));

  assert.equal(got.GroupName, created.GroupName);
  assert.equal(got.UserPoolId, pool.Id);
  assert.equal(got.Description, 'd');
  assert.equal(got.Precedence, 7);
  assert.equal(got.RoleArn, ROLE);
  assert.equal(got.CreationDate.getTime(), created.CreationDate.getTime());
});

test('GetGroup of an unknown group or pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: unique('none') })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new GetGroupCommand({ UserPoolId: MISSING_POOL, GroupName: 'none' })), 'ResourceNotFoundException');
});

test('UpdateGroup changes description, precedence and role', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const created = await createGroup(cognito, pool.Id, { Description: 'old', Precedence: 5 });
  const { Group: updated } = await cognito.send(new UpdateGroupCommand({
    UserPoolId: pool.Id, GroupName: created.GroupName, Description: 'new', Precedence: 2, RoleArn: ROLE,
  }));

  assert.equal(updated.GroupName, created.GroupName);
  assert.equal(updated.Description, 'new');
  assert.equal(updated.Precedence, 2);
  assert.equal(updated.RoleArn, ROLE);
  assert.equal(updated.CreationDate.getTime(), created.CreationDate.getTime());
  assert.ok(updated.LastModifiedDate.getTime() >= created.LastModifiedDate.getTime());
  const { Group: got } = await cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: created.GroupName }));
  assert.equal(got.Description, 'new');
  assert.equal(got.Precedence, 2);
});

test('UpdateGroup of an unknown group → ResourceNotFoundException; invalid precedence → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id, { Precedence: 3 });
  await expectAwsError(cognito.send(new UpdateGroupCommand({ UserPoolId: pool.Id, GroupName: unique('none'), Description: 'x' })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new UpdateGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName, Precedence: -5 })),
    'InvalidParameterException');
  const { Group: got } = await cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName }));
  assert.equal(got.Precedence, 3);
});

test('DeleteGroup removes the group and its memberships', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const doomed = await createGroup(cognito, pool.Id);
  const kept = await createGroup(cognito, pool.Id);
  const { username } = await createUser(cognito, pool.Id);
  for (const group of [doomed, kept]) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  }

  const response = await cognito.send(new DeleteGroupCommand({ UserPoolId: pool.Id, GroupName: doomed.GroupName }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  await expectAwsError(cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: doomed.GroupName })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new DeleteGroupCommand({ UserPoolId: pool.Id, GroupName: doomed.GroupName })), 'ResourceNotFoundException');
  const { Groups } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.deepEqual(Groups.map((g) => g.GroupName), [kept.GroupName]);
});

test('DeleteGroup in an unknown pool → ResourceNotFoundException', async () => {
  await expectAwsError(server.client().send(new DeleteGroupCommand({ UserPoolId: MISSING_POOL, GroupName: 'g' })),
    'ResourceNotFoundException');
});

// --- ListGroups ----------------------------------------------------------------------------------------------------

test('ListGroups pages with Limit and NextToken and lists only the pool\'s groups', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const other = await createPool(cognito);
  const mine = [];
  for (let i = 0; i < 5; i += 1) {
    mine.push(await createGroup(cognito, pool.Id, { Description: `group ${i}`, Precedence: i }));
  }
  await createGroup(cognito, other.Id);

  const { items, pages } = await pageAll(
    (NextToken) => cognito.send(new ListGroupsCommand({ UserPoolId: pool.Id, Limit: 2, NextToken })), 'Groups');
  assert.ok(pages >= 3, `5 groups in pages of 2 take at least 3 pages, took ${pages}`);
  assert.deepEqual(items.map((g) => g.GroupName).sort(), mine.map((g) => g.GroupName).sort());
  for (const listed of items) {
    const created = mine.find((g) => g.GroupName === listed.GroupName);
    assert.equal(listed.UserPoolId, pool.Id);
    assert.equal(listed.Description, created.Description);
    assert.equal(listed.Precedence, created.Precedence);
    assert.ok(listed.CreationDate instanceof Date);
  }
});

test('ListGroups errors: unknown pool → ResourceNotFoundException, Limit 61 → InvalidParameterException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new ListGroupsCommand({ UserPoolId: MISSING_POOL })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new ListGroupsCommand({ UserPoolId: pool.Id, Limit: 61 })), 'InvalidParameterException');
});

// --- memberships ---------------------------------------------------------------------------------------------------

test('AdminAddUserToGroup adds the user; ListUsersInGroup and AdminListGroupsForUser show it', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id, { Description: 'members' });
  const { username, email } = await createUser(cognito, pool.Id);
  await createUser(cognito, pool.Id);

  const response = await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  // Adding again is accepted and changes nothing.
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));

  const { Users } = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName }));
  assert.deepEqual(Users.map((u) => u.Username), [username]);
  assert.equal(attributeMap(Users[0].Attributes).email, email);
  assert.equal(Users[0].UserStatus, 'FORCE_CHANGE_PASSWORD');
  assert.equal(Users[0].Enabled, true);

  const { Groups } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.equal(Groups.length, 1);
  assert.equal(Groups[0].GroupName, group.GroupName);
  assert.equal(Groups[0].UserPoolId, pool.Id);
  assert.equal(Groups[0].Description, 'members');
});

test('AdminAddUserToGroup errors: unknown user → UserNotFoundException, unknown group or pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id);
  const { username } = await createUser(cognito, pool.Id);
  await expectAwsError(cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: unique('nobody'), GroupName: group.GroupName })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: unique('none') })),
    'ResourceNotFoundException');
  await expectAwsError(cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: MISSING_POOL, Username: username, GroupName: group.GroupName })),
    'ResourceNotFoundException');
});

test('AdminRemoveUserFromGroup removes the membership only', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const first = await createGroup(cognito, pool.Id);
  const second = await createGroup(cognito, pool.Id);
  const { username } = await createUser(cognito, pool.Id);
  for (const group of [first, second]) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  }

  const response = await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: first.GroupName }));
  assert.equal(response.$metadata.httpStatusCode, 200);
  const { Groups } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.deepEqual(Groups.map((g) => g.GroupName), [second.GroupName]);
  const { Users } = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: pool.Id, GroupName: first.GroupName }));
  assert.deepEqual(Users, []);
  const { Group } = await cognito.send(new GetGroupCommand({ UserPoolId: pool.Id, GroupName: first.GroupName }));
  assert.equal(Group.GroupName, first.GroupName, 'the group stays');
});

test('AdminRemoveUserFromGroup errors: unknown user → UserNotFoundException, unknown group → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id);
  const { username } = await createUser(cognito, pool.Id);
  await expectAwsError(cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool.Id, Username: unique('nobody'), GroupName: group.GroupName })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: unique('none') })),
    'ResourceNotFoundException');
});

test('AdminListGroupsForUser pages with Limit and NextToken', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const { username } = await createUser(cognito, pool.Id);
  const groups = [];
  for (let i = 0; i < 5; i += 1) {
    const group = await createGroup(cognito, pool.Id);
    groups.push(group);
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  }
  await createGroup(cognito, pool.Id);

  const { items, pages } = await pageAll(
    (NextToken) => cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: username, Limit: 2, NextToken })),
    'Groups');
  assert.ok(pages >= 3);
  assert.deepEqual(items.map((g) => g.GroupName).sort(), groups.map((g) => g.GroupName).sort());
});

test('AdminListGroupsForUser of a user in no group → empty list; unknown user → UserNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await createGroup(cognito, pool.Id);
  const { username } = await createUser(cognito, pool.Id);
  const { Groups } = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: username }));
  assert.deepEqual(Groups, []);
  await expectAwsError(cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: pool.Id, Username: unique('nobody') })),
    'UserNotFoundException');
  await expectAwsError(cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: MISSING_POOL, Username: 'nobody' })),
    'ResourceNotFoundException');
});

test('ListUsersInGroup pages with Limit and NextToken', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id);
  const members = [];
  for (let i = 0; i < 5; i += 1) {
    const { username } = await createUser(cognito, pool.Id);
    members.push(username);
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  }
  await createUser(cognito, pool.Id);

  const { items, pages } = await pageAll(
    (NextToken) => cognito.send(new ListUsersInGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName, Limit: 2, NextToken })),
    'Users');
  assert.ok(pages >= 3);
  assert.deepEqual(items.map((u) => u.Username).sort(), [...members].sort());
});

test('ListUsersInGroup no longer lists a deleted user', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  const group = await createGroup(cognito, pool.Id);
  const { username: leaving } = await createUser(cognito, pool.Id);
  const { username: staying } = await createUser(cognito, pool.Id);
  for (const username of [leaving, staying]) {
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id, Username: username, GroupName: group.GroupName }));
  }
  await cognito.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id, Username: leaving }));
  const { Users } = await cognito.send(new ListUsersInGroupCommand({ UserPoolId: pool.Id, GroupName: group.GroupName }));
  assert.deepEqual(Users.map((u) => u.Username), [staying]);
});

test('ListUsersInGroup of an unknown group or pool → ResourceNotFoundException', async () => {
  const cognito = server.client();
  const pool = await createPool(cognito);
  await expectAwsError(cognito.send(new ListUsersInGroupCommand({ UserPoolId: pool.Id, GroupName: unique('none') })), 'ResourceNotFoundException');
  await expectAwsError(cognito.send(new ListUsersInGroupCommand({ UserPoolId: MISSING_POOL, GroupName: 'none' })), 'ResourceNotFoundException');
});
