#!/usr/bin/env bash
# `gatehouse export` / `gatehouse import` between two instances (issue 11 point 4): a pool on a SQLite instance gets
# users with passwords, one with TOTP, a group and a device; the pool is exported under a passphrase, a wrong
# passphrase and a tampered file are refused by the import (exit code 1, nothing written), and the real file is
# imported into a second instance with another master key — PostgreSQL when GATEHOUSE_TEST_POSTGRES is set, else a
# second SQLite data directory. There the same users sign in with the same passwords through the AWS CLI
# (USER_PASSWORD_AUTH, the TOTP user answering SOFTWARE_TOKEN_MFA with a code of the same seed), a wrong password is
# refused, and the group and the device are there. Prints TAP-like lines and "N passed, N failed" as run.sh does.
#
# Environment (as eng/test.sh sets it): GATEHOUSE_SERVER_DLL, GATEHOUSE_TEST_POSTGRES (see lib.sh).
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

cognito() { aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }
new_key() { python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())'; }
# totp SECRET [STEP_OFFSET]: the RFC 6238 code (HMAC-SHA1, 6 digits, 30 s) of a base32 secret.
totp() {
  python3 - "$1" "${2:-0}" <<'EOF'
import base64, hashlib, hmac, struct, sys, time
secret = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
step = int(time.time()) // 30 + int(sys.argv[2])
digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
EOF
}

source_key=$(new_key); target_key=$(new_key)
source_dir="$work/source"; target_dir="$work/target"
mkdir -p "$source_dir" "$target_dir"

# gatehouse DATA_DIR POSTGRES MASTER_KEY ARGS...: the server's command line with an instance's settings.
gatehouse() {
  local dir=$1 pg=$2 key=$3; shift 3
  GATEHOUSE_DATA_DIR="$dir" GATEHOUSE_POSTGRES="$pg" GATEHOUSE_TEST_POSTGRES= GATEHOUSE_MASTER_KEY="$key" \
    GATEHOUSE_ADMIN_ACCESS_KEY_ID="$key_id" GATEHOUSE_ADMIN_SECRET_ACCESS_KEY="$secret" \
    DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet "$dll" "$@"
}

# start_instance DATA_DIR POSTGRES MASTER_KEY: a server on a free port; sets $endpoint and $server_pid (lib.sh stops it).
start_instance() {
  local port; port=$(free_port)
  endpoint="http://127.0.0.1:$port"
  gatehouse "$1" "$2" "$3" --urls "$endpoint" >"$1/server.log" 2>&1 &
  # Not setsid here: the function's subshell would hide the id; the server is a direct child, ended by its id.
  server_pid=$!
  [ -n "${GATEHOUSE_TEST_PID_DIR:-}" ] && echo "$server_pid" >"$GATEHOUSE_TEST_PID_DIR/cli-$server_pid"
  for _ in $(seq 1 900); do
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited during start:"; cat "$1/server.log"; return 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/health/ready")" = 200 ] && return 0
    sleep 0.1
  done
  echo "the server was not ready within 90 s:"; cat "$1/server.log"; return 1
}

stop_instance() {
  kill -TERM "$server_pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  server_pid=""
}

walkthrough() {
  local tag pool client_id rc access secret_code session password='Transf3r-Passw0rd!' totp_password='T0tp-Passw0rd!x'
  local device_key target_pg="" file="$work/pool.ghx" pass="$work/pass"
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')

  # --- the source instance (SQLite) -------------------------------------------------------------------------------
  start_instance "$source_dir" "" "$source_key" || { fail "the source instance starts"; return; }
  cognito create-user-pool --pool-name "cli-transfer-$tag" --auto-verified-attributes email \
    --device-configuration ChallengeRequiredOnNewDevice=false,DeviceOnlyRememberedOnUserPrompt=false \
    --query UserPool.Id --output text
  pool=$(out)
  cognito set-user-pool-mfa-config --user-pool-id "$pool" --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL
  cognito create-user-pool-client --user-pool-id "$pool" --client-name "cli-transfer-$tag" \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text
  client_id=$(out)
  for user in alice totp-user; do
    cognito admin-create-user --user-pool-id "$pool" --username "$user" --message-action SUPPRESS \
      --user-attributes Name=email,Value="$user-$tag@example.com" Name=email_verified,Value=true
  done
  cognito admin-set-user-password --user-pool-id "$pool" --username alice --password "$password" --permanent
  cognito admin-set-user-password --user-pool-id "$pool" --username totp-user --password "$totp_password" --permanent
  cognito create-group --user-pool-id "$pool" --group-name "movers"
  cognito admin-add-user-to-group --user-pool-id "$pool" --username alice --group-name movers
  rc=$?; expect "source: a pool with two users and a group" "$rc" 0

  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=alice,PASSWORD="$password" \
    --query 'AuthenticationResult.[NewDeviceMetadata.DeviceKey,AccessToken]' --output text
  device_key=$(out | cut -f1); access=$(out | cut -f2)
  expect_match "source: alice's sign-in offers a device" "$device_key" '^us-east-1_[0-9a-f-]{36}$'
  # Any number 0 < v < N is a well-formed verifier (as tests/cli/devices.sh); the move keeps it as it is.
  cognito confirm-device --access-token "$access" --device-key "$device_key" --device-name "transfer laptop" \
    --device-secret-verifier-config PasswordVerifier="$(python3 -c 'import base64,os;print(base64.b64encode(b"\x01"+os.urandom(255)).decode())')",Salt="$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(16)).decode())')"
  rc=$?; expect "source: the device is confirmed" "$rc" 0

  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=totp-user,PASSWORD="$totp_password" --query AuthenticationResult.AccessToken --output text
  access=$(out)
  cognito associate-software-token --access-token "$access" --query SecretCode --output text
  secret_code=$(out)
  # The previous step's code (within the window), so that the current step is still unused after the move.
  cognito verify-software-token --access-token "$access" --user-code "$(totp "$secret_code" -1)" --query Status --output text
  expect "source: TOTP verified" "$(out)" SUCCESS
  cognito admin-set-user-mfa-preference --user-pool-id "$pool" --username totp-user \
    --software-token-mfa-settings Enabled=true,PreferredMfa=true
  stop_instance

  # --- export -------------------------------------------------------------------------------------------------
  printf 'correct horse battery staple %s\n' "$tag" >"$pass"; chmod 600 "$pass"
  gatehouse "$source_dir" "" "$source_key" export --pool "$pool" --out "$file" --passphrase-file "$pass" >"$work/out" 2>"$work/err"
  rc=$?
  expect "export succeeds" "$rc" 0
  expect_match "export counts the pool and its users" "$(out)" "Exported 1 pool\(s\), 2 user\(s\)"
  expect "the file is owner-only" "$(stat -c %a "$file")" 600
  if grep -qa "alice-$tag@example.com" "$file"; then fail "the file is encrypted"; else pass "the file is encrypted"; fi

  # --- import: refusals first, then the file ------------------------------------------------------------------
  if [ -n "${GATEHOUSE_TEST_POSTGRES:-}" ]; then create_database || { fail "a PostgreSQL database"; return; }; target_pg=$postgres; fi
  printf 'wrong passphrase\n' >"$work/wrong"
  gatehouse "$target_dir" "$target_pg" "$target_key" import --in "$file" --passphrase-file "$work/wrong" >"$work/out" 2>"$work/err"
  rc=$?
  expect "a wrong passphrase: exit code 1" "$rc" 1
  expect_match "  and says import failed" "$(cat "$work/err")" '^import failed: '
  cp "$file" "$work/tampered.ghx"
  python3 - "$work/tampered.ghx" <<'EOF'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
data[len(data) // 2] ^= 0x01
open(path, "wb").write(data)
EOF
  gatehouse "$target_dir" "$target_pg" "$target_key" import --in "$work/tampered.ghx" --passphrase-file "$pass" >"$work/out" 2>"$work/err"
  rc=$?
  expect "a tampered file: exit code 1" "$rc" 1
  expect_match "  and says import failed" "$(cat "$work/err")" '^import failed: '
  head -c 1000 "$file" >"$work/truncated.ghx"
  gatehouse "$target_dir" "$target_pg" "$target_key" import --in "$work/truncated.ghx" --passphrase-file "$pass" >"$work/out" 2>"$work/err"
  rc=$?
  expect "a truncated file: exit code 1" "$rc" 1

  gatehouse "$target_dir" "$target_pg" "$target_key" import --in "$file" --passphrase-file "$pass" >"$work/out" 2>"$work/err"
  rc=$?
  expect "import into the other instance succeeds" "$rc" 0
  expect_match "  and counts the pool and its users" "$(out)" "Imported 1 pool\(s\), 2 user\(s\)"
  gatehouse "$target_dir" "$target_pg" "$target_key" import --in "$file" --passphrase-file "$pass" >"$work/out" 2>"$work/err"
  rc=$?
  expect "importing the same pool again without --replace: exit code 1" "$rc" 1

  # --- the target instance --------------------------------------------------------------------------------------
  start_instance "$target_dir" "$target_pg" "$target_key" || { fail "the target instance starts"; return; }
  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=alice,PASSWORD="$password" --query AuthenticationResult.TokenType --output text
  expect "target: alice signs in with the same password" "$(out)" Bearer
  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=alice,PASSWORD="${password}x"
  rc=$?; expect_error "target: a wrong password is refused" "$rc" NotAuthorizedException
  cognito admin-list-groups-for-user --user-pool-id "$pool" --username alice --query 'Groups[].GroupName' --output text
  expect "target: alice is still in her group" "$(out)" movers
  cognito admin-list-devices --user-pool-id "$pool" --username alice --query 'Devices[].DeviceKey' --output text
  expect "target: alice's device moved" "$(out)" "$device_key"

  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME=totp-user,PASSWORD="$totp_password" --query '[ChallengeName, Session]' --output text
  expect "target: the TOTP user is asked for a code" "$(out | cut -f1)" SOFTWARE_TOKEN_MFA
  session=$(out | cut -f2)
  cognito respond-to-auth-challenge --client-id "$client_id" --challenge-name SOFTWARE_TOKEN_MFA --session "$session" \
    --challenge-responses USERNAME=totp-user,SOFTWARE_TOKEN_MFA_CODE="$(totp "$secret_code")" \
    --query AuthenticationResult.TokenType --output text
  expect "target: a code of the same TOTP seed signs in" "$(out)" Bearer
}

walkthrough
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
