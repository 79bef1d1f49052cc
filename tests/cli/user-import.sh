#!/usr/bin/env bash
# The README's CSV import, command for command, against a running Gatehouse (issue 11): get-csv-header into a file,
# users appended under it (one with a backslash-escaped comma in its name, as the AWS guide writes it),
# create-user-import-job, `curl -T` to the pre-signed URL, start-user-import-job, describe-user-import-job until
# Succeeded; then an imported user (RESET_REQUIRED) is refused sign-in, resets the password with forgot-password /
# confirm-forgot-password (the code read from the dev outbox) and signs in. Also: a second upload after the start and
# a tampered URL are refused. Prints TAP-like lines and "N passed, N failed" as run.sh does.
#
# Environment (as eng/test.sh sets it): GATEHOUSE_SERVER_DLL, GATEHOUSE_TEST_POSTGRES (see lib.sh).
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

cognito() { aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }

# outbox_code DESTINATION: the 6-digit code of the newest message to DESTINATION in the dev outbox.
outbox_code() {
  local body
  for _ in $(seq 1 50); do
    body=$(curl -s -u "$key_id:$secret" "$endpoint/console/api/outbox?destination=$(jq -rn --arg d "$1" '$d|@uri')")
    code=$(jq -r '[.messages[].body] | last // empty' <<<"$body" | grep -oE '[0-9]{6}' | tail -n 1)
    [ -n "$code" ] && { echo "$code"; return 0; }
    sleep 0.1
  done
  return 1
}

walkthrough() {
  local tag pool client_id E job job_id url status rc code password='Imp0rted-Passw0rd!' email
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  email="ada-$tag@example.com"
  cognito create-user-pool --pool-name "cli-import-$tag" --auto-verified-attributes email --query UserPool.Id --output text
  POOL=$(out)
  expect_match "create-user-pool with email auto-verified" "$POOL" '^us-east-1_[0-9A-Za-z]+$'
  cognito create-user-pool-client --user-pool-id "$POOL" --client-name "cli-import-$tag" \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text
  client_id=$(out)

  # --- the README's commands, as written there (in $work) ---------------------------------------------------------
  cd "$work" || return 1
  E=--endpoint-url=$endpoint
  aws cognito-idp get-csv-header $E --user-pool-id "$POOL" --query 'join(`,`, CSVHeader)' --output text > users.csv
  expect_match "get-csv-header writes the header" "$(head -n 1 users.csv)" '^name,.*,cognito:mfa_enabled,cognito:username$'
  # One line per user under the header: the values in the header's order.
  python3 - "$email" "grace-$tag@example.com" <<'EOF' >>users.csv
import sys
header = open("users.csv").read().strip().split(",")
for username, email, name in (("ada", sys.argv[1], "Lovelace\\, Ada"), ("grace", sys.argv[2], "Hopper")):
    values = {"cognito:username": username, "email": email, "email_verified": "true",
              "cognito:mfa_enabled": "false", "name": name}
    print(",".join(values.get(column, "") for column in header))
EOF
  JOB=$(aws cognito-idp create-user-import-job $E --user-pool-id "$POOL" --job-name first-import \
    --cloud-watch-logs-role-arn arn:aws:iam::000000000000:role/CognitoImport)
  expect "create-user-import-job: Created" "$(jq -r .UserImportJob.Status <<<"$JOB")" Created
  curl -s -o "$work/put" -w '%{http_code}' -T users.csv -H "x-amz-server-side-encryption:aws:kms" \
    "$(jq -r .UserImportJob.PreSignedUrl <<<"$JOB")" >"$work/put-status"
  expect "curl -T to the pre-signed URL: 200" "$(cat "$work/put-status")" 200
  JOB_ID=$(jq -r .UserImportJob.JobId <<<"$JOB")
  aws cognito-idp start-user-import-job $E --user-pool-id "$POOL" --job-id "$JOB_ID" >"$work/out" 2>"$work/err"
  expect "start-user-import-job: Pending" "$(jq -r .UserImportJob.Status "$work/out")" Pending
  status=""
  for _ in $(seq 1 300); do
    aws cognito-idp describe-user-import-job $E --user-pool-id "$POOL" --job-id "$JOB_ID" >"$work/out" 2>"$work/err"
    status=$(jq -r .UserImportJob.Status "$work/out")
    case "$status" in Succeeded|Failed|Stopped|Expired) break ;; esac
    sleep 0.2
  done
  expect "describe-user-import-job until Succeeded" "$status" Succeeded
  expect "2 users imported, none skipped or failed" \
    "$(jq -r '.UserImportJob | "\(.ImportedUsers) \(.SkippedUsers) \(.FailedUsers)"' "$work/out")" "2 0 0"
  cd "$root" || return 1

  # --- what the import did --------------------------------------------------------------------------------------
  cognito admin-get-user --user-pool-id "$POOL" --username ada --query '[UserStatus, UserAttributes[?Name==`name`].Value | [0]]' --output text
  expect "the imported user is RESET_REQUIRED; the escaped comma is a comma" "$(out)" "RESET_REQUIRED	Lovelace, Ada"

  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=ada,PASSWORD="$password"
  rc=$?; expect_error "sign-in before a reset: PasswordResetRequiredException" "$rc" PasswordResetRequiredException
  cognito forgot-password --client-id "$client_id" --username ada --query CodeDeliveryDetails.DeliveryMedium --output text
  expect "forgot-password sends the code by email" "$(out)" EMAIL
  code=$(outbox_code "$email")
  expect_match "the code is in the outbox" "${code:-}" '^[0-9]{6}$'
  cognito confirm-forgot-password --client-id "$client_id" --username ada --confirmation-code "${code:-000000}" --password "$password"
  rc=$?; expect "confirm-forgot-password succeeds" "$rc" 0
  cognito initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH --auth-parameters USERNAME=ada,PASSWORD="$password" \
    --query 'AuthenticationResult.TokenType' --output text
  expect "the imported user signs in with the new password" "$(out)" Bearer
  cognito admin-get-user --user-pool-id "$POOL" --username ada --query UserStatus --output text
  expect "and is CONFIRMED" "$(out)" CONFIRMED

  # --- refusals ---------------------------------------------------------------------------------------------------
  url=$(jq -r .UserImportJob.PreSignedUrl <<<"$JOB")
  code=$(curl -s -o "$work/put" -w '%{http_code}' -T "$work/users.csv" "$url")
  expect "a second upload after the start: 403" "$code" 403
  job=$(aws cognito-idp create-user-import-job $E --user-pool-id "$POOL" --job-name second \
    --cloud-watch-logs-role-arn arn:aws:iam::000000000000:role/CognitoImport)
  url=$(jq -r .UserImportJob.PreSignedUrl <<<"$job")
  code=$(curl -s -o "$work/put" -w '%{http_code}' -T "$work/users.csv" "${url%?}x")
  expect "a tampered pre-signed URL: 403 SignatureDoesNotMatch" "$code $(grep -o SignatureDoesNotMatch "$work/put")" \
    "403 SignatureDoesNotMatch"
  job_id=$(jq -r .UserImportJob.JobId <<<"$job")
  cognito start-user-import-job --user-pool-id "$POOL" --job-id "$job_id"
  rc=$?; expect_error "start-user-import-job without a file: PreconditionNotMetException" "$rc" PreconditionNotMetException
}

if start_server; then
  walkthrough
else
  fail "the server starts"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
