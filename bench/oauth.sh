#!/usr/bin/env bash
# client_credentials grants side by side: Gatehouse (SQLite) and oidc-provider (npm, JWT access tokens) in one run.
# Each server is pinned to CPU 1 and the load generator to CPU 0, so rates are per server core.
#   bench/run.sh oauth [--duration 20] [--warmup 90] [--concurrency 32]
# The warm-up is long because the .NET tiered JIT reaches its steady state slowly on one busy core
# (10 s: about half the rate of 90 s). Prints Markdown for BENCHMARKS.md (machine, date, load, command, then the table).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=20; warmup=90; concurrency=32
while [ $# -gt 0 ]; do case $1 in
  --duration) duration=$2; shift 2;; --warmup) warmup=$2; shift 2;; --concurrency) concurrency=$2; shift 2;;
  *) echo "unknown $1"; exit 2;; esac; done
work=$(mktemp -d /tmp/gatehouse-oauth-bench.XXXXXX)
key=AKGHBENCH00000000001; secret=bench/secret/key/for/gatehouse/benchmarks
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
gatehouse_pid=""; oidc_pid=""
cleanup() {
  [ -n "$gatehouse_pid" ] && kill "$gatehouse_pid" 2>/dev/null || true
  [ -n "$oidc_pid" ] && kill "$oidc_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
wait_ready() { # url log
  for _ in $(seq 100); do curl -s -o /dev/null "$1" 2>/dev/null && return; sleep 0.2; done
  cat "$2"; exit 1
}

dotnet build src/Gatehouse.Server -c Release -v q -nologo >/dev/null
dotnet build bench/Gatehouse.Bench -c Release -v q -nologo >/dev/null
(cd bench/oidc-provider && npm ci --no-audit --no-fund --silent >/dev/null)
dll=src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll
benchdll=bench/Gatehouse.Bench/bin/Release/net10.0/Gatehouse.Bench.dll

gport=$(free_port); gendpoint="http://127.0.0.1:$gport"
GATEHOUSE_DATA_DIR="$work/data" GATEHOUSE_ADMIN_ACCESS_KEY_ID=$key GATEHOUSE_ADMIN_SECRET_ACCESS_KEY=$secret \
  Logging__LogLevel__Default=Warning taskset -c 1 dotnet "$dll" --urls "$gendpoint" >"$work/gatehouse.log" 2>&1 &
gatehouse_pid=$!
oport=$(free_port); oendpoint="http://127.0.0.1:$oport"
oclient=bench-m2m; osecret=$(python3 -c 'import secrets;print(secrets.token_urlsafe(32))')
(cd bench/oidc-provider && NODE_ENV=production exec taskset -c 1 node server.mjs "$oport" "$oclient" "$osecret") \
  >"$work/oidc-provider.log" 2>&1 &
oidc_pid=$!
wait_ready "$gendpoint/health/ready" "$work/gatehouse.log"
wait_ready "$oendpoint/.well-known/openid-configuration" "$work/oidc-provider.log"

bench() { taskset -c 0 dotnet "$benchdll" "$@" --duration "$duration" --warmup "$warmup" --concurrency "$concurrency"; }
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
  "$(uname -sr); .NET $(dotnet --version); Node $(node --version);" \
  "oidc-provider $(node -p 'require("./bench/oidc-provider/node_modules/oidc-provider/package.json").version'); $(date -u '+%Y-%m-%d %H:%M UTC')."
echo "Command: bench/run.sh oauth --duration $duration --warmup $warmup --concurrency $concurrency (each server on CPU 1, load generator on CPU 0, $concurrency keep-alive connections, $warmup s warm-up before each measured run)."
echo
echo "| server | connections | grants | per second | p50 ms | p99 ms | server CPU | per core |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
echo "load before Gatehouse: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench "$gendpoint" "$key" "$secret" client-credentials --name "Gatehouse (SQLite)" --server-pid "$gatehouse_pid"
echo "load before oidc-provider: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench "$oendpoint" "$key" "$secret" client-credentials --name "oidc-provider $(node -p 'require("./bench/oidc-provider/node_modules/oidc-provider/package.json").version') (JWT)" \
  --server-pid "$oidc_pid" --token-url "$oendpoint/token" --client-id "$oclient" --client-secret "$osecret" --scope read
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
