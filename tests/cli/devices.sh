#!/usr/bin/env bash
# The AWS CLI's device commands against a running Gatehouse (issue 9, remembered devices): a pool that tracks
# devices, a sign-in that returns NewDeviceMetadata, confirm-device, then admin-list-devices, admin-get-device,
# admin-update-device-status and admin-forget-device. Prints TAP-like lines and "N passed, N failed" as run.sh does.
#
# Environment (as eng/test.sh sets it): GATEHOUSE_SERVER_DLL, GATEHOUSE_TEST_POSTGRES (see lib.sh).
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

cognito() { aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }

walkthrough() {
  local tag pool client_id user password='Cli-Passw0rd!' key access rc salt verifier
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  user="device-user-$tag"

  cognito create-user-pool --pool-name "cli-devices-$tag" \
    --device-configuration ChallengeRequiredOnNewDevice=true,DeviceOnlyRememberedOnUserPrompt=true \
    --query UserPool.Id --output text
  pool=$(out)
  expect_match "create-user-pool with a device configuration" "$pool" '^us-east-1_[0-9A-Za-z]+$'

  cognito create-user-pool-client --user-pool-id "$pool" --client-name "cli-devices-$tag" \
    --explicit-auth-flows ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text
  client_id=$(out)
  cognito admin-create-user --user-pool-id "$pool" --username "$user" --message-action SUPPRESS
  cognito admin-set-user-password --user-pool-id "$pool" --username "$user" --password "$password" --permanent
  rc=$?
  expect "a confirmed user with a password" "$rc" 0

  cognito admin-initiate-auth --user-pool-id "$pool" --client-id "$client_id" --auth-flow ADMIN_USER_PASSWORD_AUTH \
    --auth-parameters USERNAME="$user",PASSWORD="$password" \
    --query 'AuthenticationResult.[NewDeviceMetadata.DeviceKey,AccessToken]' --output text
  key=$(out | cut -f1); access=$(out | cut -f2)
  expect_match "admin-initiate-auth returns NewDeviceMetadata" "$key" '^us-east-1_[0-9a-f-]{36}$'

  # Any number 0 < v < N is a well-formed verifier; the CLI only stores it here (the clients' device SRP is in
  # tests/compat/devices.test.mjs).
  salt=$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(16)).decode())')
  verifier=$(python3 -c 'import base64,os;print(base64.b64encode(b"\x01"+os.urandom(255)).decode())')
  cognito confirm-device --access-token "$access" --device-key "$key" --device-name "cli laptop" \
    --device-secret-verifier-config PasswordVerifier="$verifier",Salt="$salt" --query UserConfirmationNecessary --output text
  expect "confirm-device: the pool remembers devices only on the user's prompt" "$(out)" True

  cognito admin-list-devices --user-pool-id "$pool" --username "$user" --query 'Devices[].DeviceKey' --output text
  expect "admin-list-devices lists the device" "$(out)" "$key"

  cognito admin-get-device --user-pool-id "$pool" --username "$user" --device-key "$key" \
    --query "Device.DeviceAttributes[?Name=='device_name'].Value" --output text
  expect "admin-get-device shows its name" "$(out)" "cli laptop"

  cognito admin-update-device-status --user-pool-id "$pool" --username "$user" --device-key "$key" \
    --device-remembered-status remembered
  rc=$?
  expect "admin-update-device-status succeeds" "$rc" 0
  cognito admin-get-device --user-pool-id "$pool" --username "$user" --device-key "$key" \
    --query "Device.DeviceAttributes[?Name=='dev:device_remembered_status'].Value" --output text
  expect "the device is remembered" "$(out)" remembered

  cognito admin-update-device-status --user-pool-id "$pool" --username "$user" --device-key "$key" \
    --device-remembered-status forever
  rc=$?
  expect_error "admin-update-device-status with an unknown status fails" "$rc" InvalidParameterException

  cognito admin-get-device --user-pool-id "$pool" --username "nobody-$tag" --device-key "$key"
  rc=$?
  expect_error "admin-get-device of an unknown user fails with UserNotFoundException" "$rc" UserNotFoundException

  cognito admin-forget-device --user-pool-id "$pool" --username "$user" --device-key "$key"
  rc=$?
  expect "admin-forget-device succeeds" "$rc" 0
  cognito admin-get-device --user-pool-id "$pool" --username "$user" --device-key "$key"
  rc=$?
  expect_error "the forgotten device is gone" "$rc" ResourceNotFoundException
  cognito admin-list-devices --user-pool-id "$pool" --username "$user" --query 'length(Devices)' --output text
  expect "admin-list-devices lists none" "$(out)" 0
}

start_server || { fail "the server starts"; echo "$passed passed, $failed failed"; exit 1; }
echo "# $(aws --version 2>&1)"
if [ -n "$pg_database" ]; then store="PostgreSQL database $pg_database"; else store=SQLite; fi
echo "# server at $endpoint on $store"
walkthrough
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
