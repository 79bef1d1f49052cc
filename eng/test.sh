#!/usr/bin/env bash
# Runs every test suite, on SQLite and on PostgreSQL, on a fresh machine of this kind:
#   installs what is missing (Debian's awscli, postgresql, chromium and nginx, the npm packages of tests/compat and
#   tests/browser),
#   starts a throwaway PostgreSQL cluster on a free loopback port, runs the .NET suites and the
#   compatibility suites, stops the cluster whatever happens, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/gatehouse-test.XXXXXX)
chmod 755 "$work"
logs="$root/artifacts/test-logs"
rm -rf "$logs"; mkdir -p "$logs"

passed=0; failed=0; suites_failed=()

note() { printf '\n== %s\n' "$*"; }

# --- prerequisites ---------------------------------------------------------------------------
need_apt=()
command -v aws >/dev/null 2>&1 || need_apt+=(awscli)
command -v jq >/dev/null 2>&1 || need_apt+=(jq) # tests/cli/user-import.sh runs the README's commands, which use jq
python3 -c 'import boto3' >/dev/null 2>&1 || need_apt+=(python3-boto3) # tests/cli/identity_pools_boto3.py
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx) # the forward-auth suite puts Debian's nginx (auth_request) in front of a backend
if [ ${#need_apt[@]} -gt 0 ]; then
  note "installing ${need_apt[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || {
    echo "could not install ${need_apt[*]}"; exit 1; }
fi

# --- throwaway PostgreSQL ------------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata="$work/pg"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
pgport=$(free_port)
stop_pg() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; }
# Suites record the process group of every server they start in $GATEHOUSE_TEST_PID_DIR; whatever a crashed suite
# left running is ended by those ids, never by a name pattern (other runs may share the machine).
export GATEHOUSE_TEST_PID_DIR="$work/pids"
mkdir -p "$GATEHOUSE_TEST_PID_DIR"
stop_recorded() {
  local f pid
  for f in "$GATEHOUSE_TEST_PID_DIR"/*; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -TERM -- "-$pid" >/dev/null 2>&1 || kill -TERM "$pid" >/dev/null 2>&1 || true
  done
}
cleanup() { stop_pg; stop_recorded; rm -rf "$work"; }
trap cleanup EXIT
note "starting PostgreSQL on 127.0.0.1:$pgport"
mkdir -p "$pgdata" && chown postgres:postgres "$work" "$pgdata"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -A trust -U postgres --no-instructions >"$logs/initdb.log" 2>&1 \
  || { cat "$logs/initdb.log"; exit 1; }
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$work/pg.log" \
  -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$pgdata -c fsync=off -c max_connections=1000" \
  start >/dev/null || { cat "$work/pg.log"; exit 1; }
export GATEHOUSE_PG_BASE="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"

# --- build -------------------------------------------------------------------------------------
note "build"
dotnet build Gatehouse.slnx -c Release -warnaserror 2>&1 | tail -n 3
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "build failed"; exit 1; }

count_dotnet() { # adds the totals of a dotnet test log
  local log=$1 t f s
  f=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + s)); failed=$((failed + f))
}

run_dotnet() { # name, then extra environment assignments
  local name=$1; shift
  note "dotnet tests: $name"
  env "$@" dotnet test --solution Gatehouse.slnx -c Release --no-build 2>&1 | tee "$logs/dotnet-$name.log" \
    | grep -E '^(failed|  (total|failed|succeeded|skipped):)|Assert|Exit code' | head -n 80
  local rc=${PIPESTATUS[0]}
  count_dotnet "$logs/dotnet-$name.log"
  [ "$rc" -eq 0 ] || suites_failed+=("dotnet-$name")
}

run_dotnet sqlite GATEHOUSE_TEST_POSTGRES=
run_dotnet postgres GATEHOUSE_TEST_POSTGRES="$GATEHOUSE_PG_BASE"

# --- compatibility suites with the real clients ----------------------------------------------------
# (custom-auth.test.mjs and triggers.test.mjs run tests/lambda-host inside the node test process for the trigger handlers.)
if [ -f tests/compat/package.json ]; then
  note "npm packages for tests/compat"
  (cd tests/compat && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm.log" 2>&1) \
    || { cat "$logs/npm.log"; suites_failed+=("npm-ci"); }
  for provider in sqlite postgres; do
    note "compat tests on $provider"
    pg=""; [ "$provider" = postgres ] && pg="$GATEHOUSE_PG_BASE"
    (cd tests/compat && GATEHOUSE_TEST_POSTGRES="$pg" GATEHOUSE_SERVER_DLL="$root/src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll" \
      node --test --test-concurrency=1 --test-reporter=spec 2>&1) | tee "$logs/compat-$provider.log" | grep -vE '^\s*$' | tail -n 60
    rc=${PIPESTATUS[0]}
    p=$(grep -E '^ℹ pass [0-9]+' "$logs/compat-$provider.log" | grep -oE '[0-9]+' | tail -n 1); p=${p:-0}
    f=$(grep -E '^ℹ fail [0-9]+' "$logs/compat-$provider.log" | grep -oE '[0-9]+' | tail -n 1); f=${f:-0}
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -eq 0 ] || suites_failed+=("compat-$provider")
  done
fi

# --- the Lambda host of the trigger suites (tests/lambda-host: no npm packages; tests/compat's trigger files use it) ---
if [ -f tests/lambda-host/package.json ]; then
  note "Lambda host tests"
  (cd tests/lambda-host && node --test --test-concurrency=1 --test-reporter=spec 2>&1) | tee "$logs/lambda-host.log" \
    | grep -vE '^\s*$' | tail -n 30
  rc=${PIPESTATUS[0]}
  p=$(grep -E '^ℹ pass [0-9]+' "$logs/lambda-host.log" | grep -oE '[0-9]+' | tail -n 1); p=${p:-0}
  f=$(grep -E '^ℹ fail [0-9]+' "$logs/lambda-host.log" | grep -oE '[0-9]+' | tail -n 1); f=${f:-0}
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" -eq 0 ] || suites_failed+=("lambda-host")
fi

# --- browser suite: the hosted UI in Debian's chromium (playwright-core, never `playwright install`) ---------------
if [ -f tests/browser/package.json ]; then
  note "npm packages for tests/browser"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-browser.log" 2>&1) \
    || { cat "$logs/npm-browser.log"; suites_failed+=("npm-ci-browser"); }
  # The SAML IdP stand-in (samlify) that tests/browser/federation-saml.test.mjs imports from ../saml-idp/idp.mjs.
  if [ -f tests/saml-idp/package.json ]; then
    note "npm packages for tests/saml-idp"
    (cd tests/saml-idp && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-saml-idp.log" 2>&1) \
      || { cat "$logs/npm-saml-idp.log"; suites_failed+=("npm-ci-saml-idp"); }
  fi
  rm -rf "$root/artifacts/screenshots"
  for provider in sqlite postgres; do
    note "browser tests on $provider"
    pg=""; [ "$provider" = postgres ] && pg="$GATEHOUSE_PG_BASE"
    (cd tests/browser && GATEHOUSE_TEST_POSTGRES="$pg" GATEHOUSE_SERVER_DLL="$root/src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll" \
      GATEHOUSE_SCREENSHOT_PREFIX="$provider" node --test --test-concurrency=1 --test-reporter=spec 2>&1) \
      | tee "$logs/browser-$provider.log" | grep -vE '^\s*$' | tail -n 60
    rc=${PIPESTATUS[0]}
    p=$(grep -E '^ℹ pass [0-9]+' "$logs/browser-$provider.log" | grep -oE '[0-9]+' | tail -n 1); p=${p:-0}
    f=$(grep -E '^ℹ fail [0-9]+' "$logs/browser-$provider.log" | grep -oE '[0-9]+' | tail -n 1); f=${f:-0}
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -eq 0 ] || suites_failed+=("browser-$provider")
  done
fi

# --- AWS CLI (and boto3): tests/cli/run.sh (user pools), identity-pools.sh (identity pools, IAM, STS), devices.sh, mfa.sh,
# federation.sh, user-import.sh (CSV import jobs), pool-transfer.sh (gatehouse export / import between two instances) ---
for script in tests/cli/run.sh tests/cli/identity-pools.sh tests/cli/devices.sh tests/cli/mfa.sh tests/cli/federation.sh \
  tests/cli/user-import.sh tests/cli/pool-transfer.sh; do
  [ -x "$script" ] || continue
  suite=$(basename "$script" .sh); [ "$suite" = run ] && suite=cli || suite="cli-$suite"
  for provider in sqlite postgres; do
    note "AWS CLI tests ($script) on $provider"
    pg=""; [ "$provider" = postgres ] && pg="$GATEHOUSE_PG_BASE"
    GATEHOUSE_TEST_POSTGRES="$pg" GATEHOUSE_SERVER_DLL="$root/src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll" \
      "$script" 2>&1 | tee "$logs/$suite-$provider.log" | tail -n 40
    rc=${PIPESTATUS[0]}
    p=$(grep -cE '^ok ' "$logs/$suite-$provider.log"); f=$(grep -cE '^not ok ' "$logs/$suite-$provider.log")
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -eq 0 ] || suites_failed+=("$suite-$provider")
  done
done

# --- formatting: .editorconfig is the source of truth (STYLE.md section 11) --------------------------
note "dotnet format --verify-no-changes"
if dotnet format Gatehouse.slnx --verify-no-changes >"$logs/format.log" 2>&1; then
  passed=$((passed + 1)); echo "ok"
else
  failed=$((failed + 1)); suites_failed+=("format"); head -n 20 "$logs/format.log"
fi

# --- the generated compatibility table must be current -----------------------------------------------
note "docs/compatibility.md is generated from the code"
dotnet src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll compatibility "$work/compatibility.md" >/dev/null
if diff -q "$work/compatibility.md" docs/compatibility.md >/dev/null; then
  passed=$((passed + 1)); echo "ok"
else
  failed=$((failed + 1)); suites_failed+=("compatibility-doc")
  echo "docs/compatibility.md is stale: run dotnet run --project src/Gatehouse.Server -- compatibility docs/compatibility.md"
fi

# --- the attack & fault report must be current -------------------------------------------------------
note "docs/security.md is generated from the tests"
if python3 eng/security-report.py --check docs/security.md; then
  passed=$((passed + 1)); echo "ok"
else
  failed=$((failed + 1)); suites_failed+=("security-doc")
fi

echo
[ ${#suites_failed[@]} -eq 0 ] || echo "failing suites: ${suites_failed[*]}"
echo "tests: $passed passed, $failed failed"
[ ${#suites_failed[@]} -eq 0 ] && [ "$failed" -eq 0 ]
