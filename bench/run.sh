#!/usr/bin/env bash
# Reproducible benchmarks, printed as Markdown for BENCHMARKS.md (machine, date, command, load, then the tables).
#   bench/run.sh [admin] [--users 1000000] [--duration 10]
#       the user-pool admin API (issue 2), side by side on SQLite and PostgreSQL; server on CPU 0, load on CPU 1.
#   bench/run.sh signin [--users 1000000] [--duration 10] [--stores sqlite,postgres] [--no-cognito-local]
#       the sign-in scenarios (issue 3): Gatehouse and cognito-local side by side in one run, each pinned to CPU 1
#       with the load generator on CPU 0; Gatehouse again after seeding --users users and refresh tokens.
#   bench/run.sh oauth [--duration 20] [--warmup 90]
#       client_credentials grants (issue 4), Gatehouse and oidc-provider side by side: bench/oauth.sh.
#   bench/run.sh totp [--users 1000] [--duration 10] [--warmup 15]
#       complete USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA sign-ins (issue 9) over --users users with TOTP (each 30 s
#       step is usable once per user, so the users bound the rate); SQLite, server on CPU 1, load on CPU 0.
#   bench/run.sh identity [--identities 1000000] [--duration 10] [--stores sqlite,postgres] [--warmup 15]
#       identity pools: GetId and GetCredentialsForIdentity with ~200 identities, then again after seeding
#       --identities identities with logins straight into the store; server on CPU 1, load generator on CPU 0.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = oauth ]; then shift; exec bench/oauth.sh "$@"; fi
root=$(pwd)
totp_users=""; mode=admin; [ $# -gt 0 ] && [ "${1#--}" = "$1" ] && { mode=$1; shift; }
users=1000000; identities=1000000; duration=10; warmup=15; stores=sqlite,postgres; cognito_local=yes
[ $mode = signin ] && stores=sqlite
while [ $# -gt 0 ]; do case $1 in
  --users) users=$2; totp_users=$2; shift 2;; --identities) identities=$2; shift 2;; --duration) duration=$2; shift 2;; --warmup) warmup=$2; shift 2;;
  --stores) stores=$2; shift 2;; --no-cognito-local) cognito_local=no; shift;;
  *) echo "unknown $1"; exit 2;; esac; done
work=$(mktemp -d /tmp/gatehouse-bench.XXXXXX); chmod 755 "$work"
key=AKGHBENCH00000000001; secret=bench/secret/key/for/gatehouse/benchmarks
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
server_pid=""; cl_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$cl_pid" ] && kill "$cl_pid" 2>/dev/null || true
  [ -n "$pgbin" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Gatehouse.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Gatehouse.Bench -c Release -v q -nologo >/dev/null
dll=src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll
benchdll=bench/Gatehouse.Bench/bin/Release/net10.0/Gatehouse.Bench.dll
server_cpu=0; load_cpu=1
case $mode in signin|identity|totp) server_cpu=1; load_cpu=0;; esac
bench() { taskset -c $load_cpu dotnet "$benchdll" "$endpoint" "$key" "$secret" "$@" --warmup "$warmup" ${server_pid:+--server-pid "$server_pid"}; }

start_server() { # provider
  port=$(free_port); endpoint="http://127.0.0.1:$port"
  GATEHOUSE_DATA_DIR="$work/data-$1" GATEHOUSE_ADMIN_ACCESS_KEY_ID=$key GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$secret \
    GATEHOUSE_POSTGRES="${pgconn:-}" Logging__LogLevel__Default=Warning \
    taskset -c $server_cpu dotnet "$dll" --urls "$endpoint" >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "$endpoint/health/ready" >/dev/null 2>&1 && return; sleep 0.2; done
  cat "$work/server-$1.log"; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

start_postgres() {
  mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  pgport=$(free_port)
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$work/pg -c shared_buffers=1GB" start >/dev/null
  runuser -u postgres -- psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE gatehouse" >/dev/null
  pgconn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=gatehouse;Maximum Pool Size=64"
}
load() { uptime | sed 's/.*load average: */load average (1, 5, 15 min): /'; }

machine() {
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$(uname -sr); .NET $(dotnet --version); node $(node --version 2>/dev/null || echo none); $(date -u '+%Y-%m-%d %H:%M UTC')."
}

signin_table_head() {
  echo "| scenario | server | store | connections | requests | per second | server CPU | p50 ms | p99 ms |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
}

run_signin() {
  machine
  echo "Command: bench/run.sh signin --users $users --duration $duration --stores $stores (servers on CPU 1, load generator on CPU 0, 32 connections, $warmup s warm-up before each measured run)."
  if [ $cognito_local = yes ]; then
    [ -d bench/cognito-local/node_modules ] || npm ci --prefix bench/cognito-local --no-audit --no-fund >/dev/null
    mkdir -p "$work/cognito-local/.cognito"
    clport=$(free_port)
    # cognito-local keeps its data in ./.cognito of its working directory: a temp folder here. Its default pools
    # take email addresses as usernames (UserPoolDefaults); Cognito's and Gatehouse's default is plain usernames.
    echo '{"UserPoolDefaults":{"UsernameAttributes":[]}}' >"$work/cognito-local/.cognito/config.json"
    (cd "$work/cognito-local" && PORT=$clport HOST=127.0.0.1 \
      exec taskset -c $server_cpu node "$root/bench/cognito-local/node_modules/cognito-local/lib/bin/start.js" >"$work/cognito-local.log" 2>&1) &
    cl_pid=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$clport/" && break; sleep 0.2; done
  fi
  IFS=, read -ra store_list <<<"$stores"
  for provider in "${store_list[@]}"; do
    pgconn=""
    [ "$provider" = postgres ] && start_postgres
    start_server "$provider"
    if [ -n "$pgconn" ]; then store=(--postgres "$pgconn"); else store=(--sqlite "$work/data-$provider/gatehouse.db"); fi
    read -r pool app < <(bench signin-setup)
    echo; echo "### Gatehouse on $provider, then cognito-local"; echo; echo "Before: $(load)"; echo
    signin_table_head
    bench signin --pool "$pool" --client "$app" --label "Gatehouse ($provider)" --store "200 users" --server-pid "$server_pid" --duration "$duration"
    if [ $cognito_local = yes ] && [ "$provider" = "${store_list[0]}" ]; then
      endpoint="http://127.0.0.1:$clport"
      read -r clpool clapp < <(bench signin-setup)
      bench signin --pool "$clpool" --client "$clapp" --label "cognito-local 5.3.0" --store "200 users" --server-pid "$cl_pid" --duration "$duration"
      endpoint="http://127.0.0.1:$port"
    fi
    echo; echo "After the empty-store runs: $(load)"
    bench seed --pool "$pool" --client "$app" --users "$users" "${store[@]}" >/dev/null
    echo; echo "Seeded $users users and $users refresh tokens into the same pool. Before: $(load)"; echo
    signin_table_head
    bench signin --pool "$pool" --client "$app" --label "Gatehouse ($provider)" --store "$users users + $users refresh tokens" --server-pid "$server_pid" --duration "$duration"
    echo; echo "After: $(load)"
    stop_server
    [ "$provider" = postgres ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null
  done
}

run_admin() {
  machine
  echo "Command: bench/run.sh --users $users --duration $duration (server on CPU 0, load generator on CPU 1, 32 connections unless the table says 1, $warmup s warm-up before each measured run)."
  IFS=, read -ra store_list <<<"$stores"
  for provider in "${store_list[@]}"; do
    pgconn=""
    [ $provider = postgres ] && start_postgres
    start_server $provider
    if [ -n "$pgconn" ]; then store=(--postgres "$pgconn"); else store=(--sqlite "$work/data-$provider/gatehouse.db"); fi
    echo; echo "### $provider"; echo
    echo "| scenario | connections | requests | per second | server CPU | p50 ms | p99 ms |"; echo "| --- | --- | --- | --- | --- | --- | --- |"
    bench admin-create-user --duration "$duration"
    small=$(bench seed --users 1000 "${store[@]}")
    bench admin-get-user --pool "$small" --users 1000 --duration "$duration"
    big=$(bench seed --users "$users" "${store[@]}")
    bench admin-get-user --pool "$big" --users "$users" --duration "$duration"
    bench list-users-filter --pool "$big" --users "$users" --duration "$duration"
    # One connection: the latency of a single request, without queueing behind 31 others.
    bench admin-get-user --pool "$big" --users "$users" --duration "$duration" --concurrency 1
    bench list-users-filter --pool "$big" --users "$users" --duration "$duration" --concurrency 1
    stop_server
  done
}

identity_table_head() {
  echo "| scenario | store | connections | requests | per second | server CPU | per core | p50 ms | p99 ms |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
}

run_identity() {
  machine
  echo "Command: bench/run.sh identity --identities $identities --duration $duration --stores $stores --warmup $warmup (server on CPU 1, load generator on CPU 0, 32 connections, one unreported pass over all scenarios after setup, then $warmup s warm-up before each measured run; per core = per second / server CPU)."
  IFS=, read -ra store_list <<<"$stores"
  for provider in "${store_list[@]}"; do
    pgconn=""
    [ "$provider" = postgres ] && start_postgres
    start_server "$provider"
    if [ -n "$pgconn" ]; then store=(--postgres "$pgconn"); else store=(--sqlite "$work/data-$provider/gatehouse.db"); fi
    read -r pool app idpool idprovider < <(bench identity-setup)
    ids=(--pool "$pool" --client "$app" --identity-pool "$idpool" --provider "$idprovider")
    # A fresh server runs unoptimised code for its first minutes (tiered JIT, slower still on a busy core): one
    # unreported pass over every scenario first, so that the empty-store table does not pay for it alone.
    bench identity "${ids[@]}" --duration 1 >/dev/null
    echo; echo "### Identity pools on $provider"; echo
    [ "$provider" = postgres ] && echo "PostgreSQL runs unpinned on both cores; server CPU and per core count Gatehouse's process only." && echo
    echo "Before: $(load)"; echo
    identity_table_head
    bench identity "${ids[@]}" --store "200 identities"
    echo; echo "After: $(load)"
    bench identity-seed --identity-pool "$idpool" --provider "$idprovider" --identities "$identities" "${store[@]}"
    echo; echo "Seeded $identities identities, each with one login of the same user pool, into the same identity pool."
    echo "The guest rows above added their own identities too (one per call). Before: $(load)"; echo
    identity_table_head
    bench identity "${ids[@]}" --store "$identities identities"
    echo; echo "After: $(load)"
    stop_server
    [ "$provider" = postgres ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null
  done
}

run_totp() {
  local count=${totp_users:-1000}
  echo "Command: bench/run.sh totp --users $count --duration $duration --warmup $warmup (server on CPU 1, load generator on CPU 0, 32 connections; SQLite)."
  echo; echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; echo
  start_server sqlite
  echo "| scenario | connections | requests | per second | server CPU | p50 ms | p99 ms |"; echo "| --- | --- | --- | --- | --- | --- | --- |"
  bench totp-signin --signin-users "$count" --duration "$duration"
  stop_server
}

case $mode in admin) run_admin;; totp) run_totp;; signin) run_signin;; identity) run_identity;; *) echo "unknown mode $mode"; exit 2;; esac
