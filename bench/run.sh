#!/usr/bin/env bash
# Reproducible benchmarks of the user-pool admin API, side by side on SQLite and PostgreSQL in one run.
# The server is pinned to CPU 0 and the load generator to CPU 1, so rates are per server core.
#   bench/run.sh [--users 1000000] [--duration 10]
#   bench/run.sh oauth [--duration 20] [--warmup 90]   (client_credentials grants, Gatehouse and oidc-provider: bench/oauth.sh)
# Prints Markdown for BENCHMARKS.md (machine, date, command, then the tables).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = oauth ]; then shift; exec bench/oauth.sh "$@"; fi
root=$(pwd)
users=1000000; duration=10; warmup=15
while [ $# -gt 0 ]; do case $1 in --users) users=$2; shift 2;; --duration) duration=$2; shift 2;; *) echo "unknown $1"; exit 2;; esac; done
work=$(mktemp -d /tmp/gatehouse-bench.XXXXXX); chmod 755 "$work"
key=AKGHBENCH00000000001; secret=bench/secret/key/for/gatehouse/benchmarks
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Gatehouse.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Gatehouse.Bench -c Release -v q -nologo >/dev/null
dll=src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll
benchdll=bench/Gatehouse.Bench/bin/Release/net10.0/Gatehouse.Bench.dll
bench() { taskset -c 1 dotnet "$benchdll" "$endpoint" "$key" "$secret" "$@" --warmup "$warmup"; }

start_server() { # provider
  port=$(free_port); endpoint="http://127.0.0.1:$port"
  GATEHOUSE_DATA_DIR="$work/data-$1" GATEHOUSE_ADMIN_ACCESS_KEY_ID=$key GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$secret \
    GATEHOUSE_POSTGRES="${pgconn:-}" Logging__LogLevel__Default=Warning \
    taskset -c 0 dotnet "$dll" --urls "$endpoint" >"$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "$endpoint/health/ready" >/dev/null 2>&1 && return; sleep 0.2; done
  cat "$work/server-$1.log"; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
  "$(uname -sr); .NET $(dotnet --version); $(date -u +%Y-%m-%d)."
echo "Command: bench/run.sh --users $users --duration $duration (server on CPU 0, load generator on CPU 1, 32 connections unless the table says 1, $warmup s warm-up before each measured run)."
for provider in sqlite postgres; do
  pgconn=""
  if [ $provider = postgres ]; then
    mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
    runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
    pgport=$(free_port)
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$work/pg -c shared_buffers=1GB" start >/dev/null
    runuser -u postgres -- psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE gatehouse" >/dev/null
    pgconn="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=gatehouse;Maximum Pool Size=64"
  fi
  start_server $provider
  if [ -n "$pgconn" ]; then store=(--postgres "$pgconn"); else store=(--sqlite "$work/data-$provider/gatehouse.db"); fi
  echo; echo "### $provider"; echo
  echo "| scenario | connections | requests | per second | p50 ms | p99 ms |"; echo "| --- | --- | --- | --- | --- | --- |"
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
