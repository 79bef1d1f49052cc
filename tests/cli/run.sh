#!/usr/bin/env bash
# The AWS CLI against a running Gatehouse: the key user-pool flows, once with --endpoint-url and once with
# AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER. Prints TAP-like lines ("ok N - name" / "not ok N - name") and a
# closing "N passed, N failed"; exits 1 if any check failed.
#
# Environment (as eng/test.sh sets it):
#   GATEHOUSE_SERVER_DLL     absolute path to Gatehouse.Server.dll (default: the Release build in this checkout)
#   GATEHOUSE_TEST_POSTGRES  Npgsql connection string of a PostgreSQL server; empty means SQLite. The server gets
#                            a database of its own, created with psql and dropped at exit.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dll=${GATEHOUSE_SERVER_DLL:-$root/src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll}
work=$(mktemp -d /tmp/gatehouse-cli.XXXXXX)
server_pid=""
pg_parts=""
pg_database=""

# --- reporting ----------------------------------------------------------------------------------------------------
n=0; passed=0; failed=0
pass() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
fail() { # name, then details shown as TAP comments
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
  shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/#   /'
}
# The last command's stderr on one line, for failure details.
err() { tr -s '\n' ' ' <"$work/err" | tail -c 600; }
# expect NAME ACTUAL EXPECTED: passes when they are equal.
expect() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected: $3" "actual:   $2" "stderr:   $(err)"; fi; }
# expect_match NAME ACTUAL REGEX
expect_match() { if [[ "$2" =~ $3 ]]; then pass "$1"; else fail "$1" "expected to match: $3" "actual: $2" "stderr: $(err)"; fi; }
# expect_error NAME RC ERROR_NAME: the command failed and named the AWS error.
expect_error() {
  if [ "$2" -ne 0 ] && grep -q "($3)" "$work/err"; then pass "$1"
  else fail "$1" "expected a failure naming $3; exit code $2" "stderr: $(err)"; fi
}

# --- the server ---------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }

# npgsql_get KEY...: the first of the given keys found in $GATEHOUSE_TEST_POSTGRES (keys are case-insensitive).
npgsql_get() {
  local key part name
  for key in "$@"; do
    IFS=';' read -ra parts <<<"$GATEHOUSE_TEST_POSTGRES"
    for part in "${parts[@]}"; do
      name=$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | xargs)
      if [ "$name" = "$key" ] && [[ "$part" == *=* ]]; then printf '%s' "${part#*=}" | xargs; return 0; fi
    done
  done
  return 1
}

pg_psql() { PGPASSWORD="$(npgsql_get password || true)" psql "$pg_parts" -v ON_ERROR_STOP=1 -q -c "$1" >/dev/null; }

# Sets $pg_parts, $pg_database and $postgres (the server's connection string).
create_database() {
  local host port user
  host=$(npgsql_get host server || echo 127.0.0.1)
  port=$(npgsql_get port || echo 5432)
  user=$(npgsql_get username 'user id' userid user || echo postgres)
  pg_parts="host=$host port=$port user=$user dbname=postgres"
  pg_database="gh_cli_$(python3 -c 'import secrets;print(secrets.token_hex(6))')"
  pg_psql "CREATE DATABASE $pg_database" || { echo "could not create a PostgreSQL database with: psql \"$pg_parts\""; return 1; }
  local password; password=$(npgsql_get password || true)
  postgres="Host=$host;Port=$port;Username=$user;Database=$pg_database${password:+;Password=$password}"
}

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  if [ -n "$pg_database" ]; then pg_psql "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_server EXIT

start_server() {
  [ -f "$dll" ] || { echo "$dll does not exist: build it with 'dotnet build src/Gatehouse.Server -c Release'"; return 1; }
  local port
  postgres=""
  if [ -n "${GATEHOUSE_TEST_POSTGRES:-}" ]; then create_database || return 1; fi
  port=$(free_port)
  endpoint="http://127.0.0.1:$port"
  mkdir -p "$work/data"
  # setsid: the server leads its own process group, so stop_server ends it and anything it started; its id goes to
  # $GATEHOUSE_TEST_PID_DIR (set by eng/test.sh) so that a crashed run's server is ended by PID.
  GATEHOUSE_DATA_DIR="$work/data" GATEHOUSE_POSTGRES="$postgres" GATEHOUSE_TEST_POSTGRES= \
    GATEHOUSE_ADMIN_ACCESS_KEY_ID="$key_id" GATEHOUSE_ADMIN_SECRET_ACCESS_KEY="$secret" \
    GATEHOUSE_MASTER_KEY="$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())')" \
    DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    setsid dotnet "$dll" --urls "$endpoint" >"$work/server.log" 2>&1 &
  server_pid=$!
  [ -n "${GATEHOUSE_TEST_PID_DIR:-}" ] && echo "$server_pid" >"$GATEHOUSE_TEST_PID_DIR/cli-$server_pid"
  for _ in $(seq 1 900); do
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server exited during start:"; cat "$work/server.log"; return 1; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/health/ready" 2>/dev/null)" = "200" ]; then return 0; fi
    sleep 0.1
  done
  echo "the server was not ready within 90 s:"; cat "$work/server.log"; return 1
}

# --- the AWS CLI --------------------------------------------------------------------------------------------------
key_id=AKGHCLITESTKEY000001
secret=cliTestSecretKey0123456789abcdefghijklmn

# A clean AWS CLI environment: the test key, no user config, no retries, no pager. Any request that would go to a
# real AWS endpoint (a CLI that ignores the endpoint setting) is sent to a dead local proxy instead, so it fails
# here and never leaves the machine.
export AWS_ACCESS_KEY_ID=$key_id AWS_SECRET_ACCESS_KEY=$secret AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard AWS_EC2_METADATA_DISABLED=true
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

mode=flag
# cognito ARGS...: runs `aws cognito-idp ARGS` against the server, the endpoint given as in $mode; stdout to
# $work/out, stderr to $work/err, returns the CLI's exit code.
cognito() {
  if [ "$mode" = flag ]; then
    aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"
  else
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER="$endpoint" aws cognito-idp "$@" --region us-east-1 >"$work/out" 2>"$work/err"
  fi
}
out() { tr -d '\r' <"$work/out" | sed -e 's/[[:space:]]*$//'; }

# Service-specific endpoint variables arrived in botocore 1.31.0 (awscli 1.29.0) and AWS CLI 2.13.0.
cli_reads_endpoint_env() {
  local version major minor
  version=$(aws --version 2>&1)
  if [[ "$version" =~ aws-cli/1\..*botocore/([0-9]+)\.([0-9]+) ]]; then
    major=${BASH_REMATCH[1]}; minor=${BASH_REMATCH[2]}
    [ "$major" -gt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -ge 31 ]; }
  elif [[ "$version" =~ aws-cli/2\.([0-9]+) ]]; then
    [ "${BASH_REMATCH[1]}" -ge 13 ]
  else
    return 1
  fi
}

# --- the flows ----------------------------------------------------------------------------------------------------
flow() {
  local how=$1 tag pool name client_id client_secret user email group rc
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  name="cli-pool-$tag"; user="cli-user-$tag"; email="cli-$tag@example.com"; group="cli-group-$tag"

  # These two reach the server whether or not any operation is built: they show the endpoint setting is used.
  AWS_SECRET_ACCESS_KEY="x${secret:1}" cognito list-user-pools --max-results 10
  rc=$?
  expect_error "[$how] a wrong secret fails with InvalidSignatureException" "$rc" InvalidSignatureException
  AWS_ACCESS_KEY_ID=AKGHCLINOSUCHKEY0000 cognito list-user-pools --max-results 10
  rc=$?
  expect_error "[$how] an unknown access key fails with UnrecognizedClientException" "$rc" UnrecognizedClientException

  cognito create-user-pool --pool-name "$name" --query UserPool.Id --output text
  pool=$(out)
  expect_match "[$how] create-user-pool returns a pool id" "$pool" '^us-east-1_[0-9A-Za-z]+$'

  cognito list-user-pools --max-results 10 --query "UserPools[?Id=='$pool'].Name" --output text
  expect "[$how] list-user-pools lists the new pool" "$(out)" "$name"

  cognito describe-user-pool --user-pool-id "$pool" --query 'UserPool.[Name,MfaConfiguration]' --output text
  expect "[$how] describe-user-pool shows its name and MFA off" "$(out)" "$name	OFF"

  cognito create-user-pool-client --user-pool-id "$pool" --client-name "cli-client-$tag" --generate-secret \
    --query 'UserPoolClient.[ClientId,ClientSecret]' --output text
  read -r client_id client_secret <<<"$(out)"
  if [[ "${client_id:-}" =~ ^[a-z0-9]{26}$ ]] && [ -n "${client_secret:-}" ] && [ "$client_secret" != None ]; then
    pass "[$how] create-user-pool-client --generate-secret returns an id and a secret"
  else fail "[$how] create-user-pool-client --generate-secret returns an id and a secret" "output: $(out)" "stderr: $(err)"; fi

  cognito admin-create-user --user-pool-id "$pool" --username "$user" --message-action SUPPRESS \
    --user-attributes Name=email,Value="$email" Name=email_verified,Value=true --query User.UserStatus --output text
  expect "[$how] admin-create-user creates a FORCE_CHANGE_PASSWORD user" "$(out)" FORCE_CHANGE_PASSWORD

  cognito admin-get-user --user-pool-id "$pool" --username "$user" --query "UserAttributes[?Name=='email'].Value" --output text
  expect "[$how] admin-get-user returns the email" "$(out)" "$email"

  cognito admin-get-user --user-pool-id "$pool" --username "nobody-$tag"
  rc=$?
  expect_error "[$how] admin-get-user of an unknown user fails with UserNotFoundException" "$rc" UserNotFoundException

  cognito list-users --user-pool-id "$pool" --filter "email = \"$email\"" --query 'Users[].Username' --output text
  expect "[$how] list-users --filter email finds the user" "$(out)" "$user"

  cognito create-group --user-pool-id "$pool" --group-name "$group" --description "CLI group" --query Group.GroupName --output text
  expect "[$how] create-group returns the group" "$(out)" "$group"

  cognito admin-add-user-to-group --user-pool-id "$pool" --username "$user" --group-name "$group"
  rc=$?
  expect "[$how] admin-add-user-to-group succeeds" "$rc" 0

  cognito admin-list-groups-for-user --user-pool-id "$pool" --username "$user" --query 'Groups[].GroupName' --output text
  expect "[$how] admin-list-groups-for-user lists the group" "$(out)" "$group"

  # Sign-up and sign-in (issue 3): a public client allowing password sign-in.
  local public_id signer="signer-$tag" password='Cli-Passw0rd!' access
  cognito create-user-pool-client --user-pool-id "$pool" --client-name "cli-public-$tag" \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
    --query UserPoolClient.ClientId --output text
  public_id=$(out)

  cognito sign-up --client-id "$public_id" --username "$signer" --password "$password" \
    --user-attributes Name=email,Value="signer-$tag@example.com" --query UserConfirmed --output text
  expect "[$how] sign-up creates an unconfirmed user" "$(out)" False

  cognito initiate-auth --client-id "$public_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME="$signer",PASSWORD="$password"
  rc=$?
  expect_error "[$how] initiate-auth of an unconfirmed user fails with UserNotConfirmedException" "$rc" UserNotConfirmedException

  cognito admin-confirm-sign-up --user-pool-id "$pool" --username "$signer"
  rc=$?
  expect "[$how] admin-confirm-sign-up succeeds" "$rc" 0

  cognito initiate-auth --client-id "$public_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME="$signer",PASSWORD="$password" --query AuthenticationResult.AccessToken --output text
  access=$(out)
  expect_match "[$how] initiate-auth USER_PASSWORD_AUTH returns an access token" "$access" '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'

  cognito get-user --access-token "$access" --query Username --output text
  expect "[$how] get-user with the access token names the user" "$(out)" "$signer"

  cognito initiate-auth --client-id "$public_id" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters USERNAME="$signer",PASSWORD="wrong-$password"
  rc=$?
  expect_error "[$how] initiate-auth with a wrong password fails with NotAuthorizedException" "$rc" NotAuthorizedException

  cognito admin-initiate-auth --user-pool-id "$pool" --client-id "$public_id" --auth-flow ADMIN_USER_PASSWORD_AUTH \
    --auth-parameters USERNAME="$signer",PASSWORD="$password" --query AuthenticationResult.TokenType --output text
  expect "[$how] admin-initiate-auth ADMIN_USER_PASSWORD_AUTH returns Bearer tokens" "$(out)" Bearer

  cognito global-sign-out --access-token "$access"
  rc=$?
  expect "[$how] global-sign-out succeeds" "$rc" 0

  cognito get-user --access-token "$access"
  rc=$?
  expect_error "[$how] get-user after global-sign-out fails with NotAuthorizedException" "$rc" NotAuthorizedException

  # Resource servers and hosted UI branding (issue 4). The identifier is not a URL: AWS CLI v1 would fetch one.
  cognito create-resource-server --user-pool-id "$pool" --identifier "api-$tag" --name "cli api" \
    --scopes ScopeName=read,ScopeDescription=reading ScopeName=write,ScopeDescription=writing \
    --query 'ResourceServer.Scopes[].ScopeName' --output text
  expect "[$how] create-resource-server returns its scopes" "$(out)" "read	write"

  cognito list-resource-servers --user-pool-id "$pool" --max-results 10 --query 'ResourceServers[].Identifier' --output text
  expect "[$how] list-resource-servers lists it" "$(out)" "api-$tag"

  cognito create-user-pool-client --user-pool-id "$pool" --client-name "cli-m2m-$tag" --generate-secret \
    --allowed-o-auth-flows-user-pool-client --allowed-o-auth-flows client_credentials \
    --allowed-o-auth-scopes "api-$tag/delete"
  rc=$?
  expect_error "[$how] a client allowing an unknown custom scope fails with ScopeDoesNotExistException" "$rc" ScopeDoesNotExistException

  cognito create-user-pool-domain --user-pool-id "$pool" --domain "cli-$tag"
  rc=$?
  expect "[$how] create-user-pool-domain succeeds (UI customization needs a domain)" "$rc" 0

  printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$work/logo.png"
  cognito set-ui-customization --user-pool-id "$pool" --client-id ALL --image-file "fileb://$work/logo.png" \
    --css '.banner-customizable { background-color: #123456; }' --query UICustomization.ClientId --output text
  expect "[$how] set-ui-customization --image-file fileb:// sets the pool's branding" "$(out)" ALL

  cognito get-ui-customization --user-pool-id "$pool" --client-id "$client_id" --query UICustomization.CSS --output text
  expect "[$how] get-ui-customization of a client falls back to the pool's" "$(out)" '.banner-customizable { background-color: #123456; }'

  cognito delete-user-pool --user-pool-id "$pool"
  rc=$?
  expect "[$how] delete-user-pool succeeds" "$rc" 0

  cognito describe-user-pool --user-pool-id "$pool"
  rc=$?
  expect_error "[$how] describe-user-pool of the deleted pool fails with ResourceNotFoundException" "$rc" ResourceNotFoundException
}

start_server || { fail "the server starts"; echo "$passed passed, $failed failed"; exit 1; }
echo "# $(aws --version 2>&1)"
if [ -n "$pg_database" ]; then store="PostgreSQL database $pg_database"; else store=SQLite; fi
echo "# server at $endpoint on $store"

mode=flag
flow --endpoint-url

if cli_reads_endpoint_env; then
  mode=env
  flow AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
else
  echo "# not run: this AWS CLI predates AWS_ENDPOINT_URL_<SERVICE> (needs awscli >= 1.29 / botocore >= 1.31, or AWS CLI >= 2.13)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
