#!/usr/bin/env bash
# Shared by the AWS CLI suites (run.sh, identity-pools.sh): TAP-like reporting, a Gatehouse server of the suite's own
# (SQLite, or a PostgreSQL database created for it and dropped at exit), and a clean AWS CLI environment whose
# requests can only reach that server. Source it; it sets $work, $endpoint, $key_id, $secret.
#
# Environment (as eng/test.sh sets it):
#   GATEHOUSE_SERVER_DLL     absolute path to Gatehouse.Server.dll (default: the Release build in this checkout)
#   GATEHOUSE_TEST_POSTGRES  Npgsql connection string of a PostgreSQL server; empty means SQLite.
#   GATEHOUSE_TEST_PID_DIR   where the server's process-group id is left, so a crashed run's server is ended by PID.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER AWS_ENDPOINT_URL_COGNITO_IDENTITY \
  AWS_ENDPOINT_URL_IAM AWS_ENDPOINT_URL_STS AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard AWS_EC2_METADATA_DISABLED=true
export HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

out() { tr -d '\r' <"$work/out" | sed -e 's/[[:space:]]*$//'; }
