#!/usr/bin/env bash
# The CSV user import (issue 11 point 3): generate a file of N users, upload it to a fresh Gatehouse, start the job and
# time it until Succeeded, printing the job's counts and the server's RSS while it runs, then the elapsed time and the
# server's peak RSS (VmHWM). Prints the machine, date, command and load average first, as BENCHMARKS.md records them.
#   bench/user-import.sh [--users 500000] [--store sqlite|postgres] [--batch 2000]
# postgres starts a throwaway cluster (Debian's postgresql, run as the postgres user) on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
users=500000; store=sqlite; batch=""
while [ $# -gt 0 ]; do case $1 in
  --users) users=$2; shift 2;; --store) store=$2; shift 2;; --batch) batch=$2; shift 2;;
  *) echo "unknown $1"; exit 2;; esac; done
work=$(mktemp -d /tmp/gatehouse-bench-import.XXXXXX); chmod 755 "$work"
key=AKGHBENCH00000000001; secret=bench/secret/key/for/gatehouse/benchmarks
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
server_pid=""; pg_started=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$pg_started" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dll=${GATEHOUSE_SERVER_DLL:-}
if [ -z "$dll" ]; then
  dotnet build src/Gatehouse.Server -c Release -v q -nologo >/dev/null
  dll=$root/src/Gatehouse.Server/bin/Release/net10.0/Gatehouse.Server.dll
fi

echo "## CSV user import: $users users on $store"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- command: bench/user-import.sh --users $users --store $store${batch:+ --batch $batch}"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

postgres=""
if [ "$store" = postgres ]; then
  pgport=$(free_port)
  mkdir -p "$work/pg" && chown postgres "$work" "$work/pg"
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$work/pg -c fsync=off" start >/dev/null
  pg_started=yes
  postgres="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
fi

port=$(free_port); endpoint="http://127.0.0.1:$port"
mkdir -p "$work/data"
env GATEHOUSE_DATA_DIR="$work/data" GATEHOUSE_POSTGRES="$postgres" \
  GATEHOUSE_ADMIN_ACCESS_KEY_ID="$key" GATEHOUSE_ADMIN_SECRET_ACCESS_KEY="$secret" \
  GATEHOUSE_MASTER_KEY="$(python3 -c 'import base64,os;print(base64.b64encode(os.urandom(32)).decode())')" \
  Gatehouse__UserImport__BatchSize="${batch:-2000}" Gatehouse__UserImport__PollSeconds=1 \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Gatehouse.Server.UserImport=Information \
  DOTNET_NOLOGO=1 dotnet "$dll" --urls "$endpoint" >"$work/server.log" 2>&1 &
server_pid=$!
ready=""
for _ in $(seq 1 1800); do
  kill -0 "$server_pid" 2>/dev/null || break
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/health/ready")" = 200 ] && { ready=yes; break; }
  sleep 0.1
done
[ -n "$ready" ] || { echo "the server did not start:"; tail -n 40 "$work/server.log"; exit 1; }

export AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
: >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
cognito() { aws cognito-idp "$@" --endpoint-url "$endpoint"; }
pool=$(cognito create-user-pool --pool-name bench-import --auto-verified-attributes email --query UserPool.Id --output text)
cognito get-csv-header --user-pool-id "$pool" --query 'join(`,`, CSVHeader)' --output text >"$work/users.csv"

python3 - "$work/users.csv" "$users" <<'EOF'
import sys
path, count = sys.argv[1], int(sys.argv[2])
header = open(path).read().strip().split(",")
index = {c: i for i, c in enumerate(header)}
with open(path, "a", buffering=1 << 20) as f:
    row = [""] * len(header)
    row[index["email_verified"]] = "true"
    row[index["cognito:mfa_enabled"]] = "false"
    for i in range(count):
        row[index["cognito:username"]] = f"user{i:07d}"
        row[index["email"]] = f"user{i:07d}@example.com"
        row[index["given_name"]] = f"Given{i}"
        f.write(",".join(row) + "\n")
EOF
echo "- file: $(du -h "$work/users.csv" | cut -f1), $users rows"

job=$(cognito create-user-import-job --user-pool-id "$pool" --job-name bench \
  --cloud-watch-logs-role-arn arn:aws:iam::000000000000:role/CognitoImport)
job_id=$(jq -r .UserImportJob.JobId <<<"$job")
t0=$(date +%s.%N)
curl -s -f -o /dev/null -T "$work/users.csv" -H "x-amz-server-side-encryption:aws:kms" "$(jq -r .UserImportJob.PreSignedUrl <<<"$job")"
t1=$(date +%s.%N)
cognito start-user-import-job --user-pool-id "$pool" --job-id "$job_id" >/dev/null
t2=$(date +%s.%N)
echo
echo '```'
status=""
while :; do
  d=$(cognito describe-user-import-job --user-pool-id "$pool" --job-id "$job_id")
  status=$(jq -r .UserImportJob.Status <<<"$d")
  printf '%6.1f s  %-10s imported %7s  skipped %s  failed %s  rss %s MiB\n' "$(echo "$(date +%s.%N) - $t2" | bc)" "$status" \
    "$(jq -r .UserImportJob.ImportedUsers <<<"$d")" "$(jq -r .UserImportJob.SkippedUsers <<<"$d")" \
    "$(jq -r .UserImportJob.FailedUsers <<<"$d")" "$(($(awk '/VmRSS/{print $2}' "/proc/$server_pid/status") / 1024))"
  case "$status" in Succeeded|Failed|Stopped) break ;; esac
  sleep 5
done
t3=$(date +%s.%N)
echo '```'
echo
printf -- '- upload (curl -T): %.1f s\n' "$(echo "$t1 - $t0" | bc)"
printf -- '- start to %s: %.1f s (%.0f users/s)\n' "$status" "$(echo "$t3 - $t2" | bc)" "$(echo "$users / ($t3 - $t2)" | bc -l)"
echo "- server peak RSS (VmHWM): $(($(awk '/VmHWM/{print $2}' "/proc/$server_pid/status") / 1024)) MiB"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E 'progress|finished' "$work/server.log" | tail -n 3 | sed 's/^/    /' || true
[ "$status" = Succeeded ]
