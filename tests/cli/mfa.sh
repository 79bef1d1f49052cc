#!/usr/bin/env bash
# The AWS CLI against a running Gatehouse for the MFA operations: set-user-pool-mfa-config, admin-set-user-mfa-preference,
# admin-set-user-settings, admin-get-user (MFAOptions, UserMFASettingList, PreferredMfaSetting), get-user-auth-factors,
# and the SMS_MFA challenge of admin-initiate-auth. (admin-get-user-auth-factors is not in the model nor in this CLI.)
# Prints TAP-like lines and a closing "N passed, N failed"; exits 1 if any check failed. Environment: see lib.sh.
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

call() { aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }
json() { python3 -c "import json,sys; d=json.load(open('$work/out')); print($1)"; }

mfa() {
  local tag pool client user password token rc
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  user="mfa-$tag"; password='Mfa-Passw0rd!'

  call create-user-pool --pool-name "mfa-$tag" --query UserPool.Id --output text; pool=$(out)
  call create-user-pool-client --user-pool-id "$pool" --client-name app \
    --explicit-auth-flows ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text
  client=$(out)
  call admin-create-user --user-pool-id "$pool" --username "$user" --message-action SUPPRESS \
    --user-attributes Name=phone_number,Value=+15555550177
  call admin-set-user-password --user-pool-id "$pool" --username "$user" --password "$password" --permanent
  call set-user-pool-mfa-config --user-pool-id "$pool" --mfa-configuration OPTIONAL \
    --sms-mfa-configuration '{"SmsAuthenticationMessage":"Code {####}","SmsConfiguration":{"SnsCallerArn":"arn:aws:iam::123456789012:role/sns"}}' \
    --software-token-mfa-configuration Enabled=true --query MfaConfiguration --output text
  expect "set-user-pool-mfa-config turns MFA OPTIONAL" "$(out)" OPTIONAL

  call admin-initiate-auth --user-pool-id "$pool" --client-id "$client" --auth-flow ADMIN_USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$user,PASSWORD=$password" --query AuthenticationResult.AccessToken --output text
  token=$(out)
  call get-user-auth-factors --access-token "$token"
  expect "get-user-auth-factors lists PASSWORD and no MFA yet" "$(json 'd["ConfiguredUserAuthFactors"], d.get("UserMFASettingList")')" "['PASSWORD'] None"

  call admin-set-user-mfa-preference --user-pool-id "$pool" --username "$user" --sms-mfa-settings Enabled=true,PreferredMfa=true
  rc=$?; expect "admin-set-user-mfa-preference turns SMS on" "$rc" 0
  call admin-get-user --user-pool-id "$pool" --username "$user"
  expect "admin-get-user shows the MFA members" \
    "$(json 'd["PreferredMfaSetting"], d["UserMFASettingList"], d["MFAOptions"][0]["DeliveryMedium"]')" "SMS_MFA ['SMS_MFA'] SMS"

  call admin-initiate-auth --user-pool-id "$pool" --client-id "$client" --auth-flow ADMIN_USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$user,PASSWORD=$password"
  expect "admin-initiate-auth now asks SMS_MFA" \
    "$(json 'd["ChallengeName"], d["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"]')" "SMS_MFA +*******0177"

  call admin-set-user-settings --user-pool-id "$pool" --username "$user" --mfa-options '[]'
  rc=$?; expect "admin-set-user-settings with no options succeeds" "$rc" 0
  call admin-get-user --user-pool-id "$pool" --username "$user"
  expect "SMS is off again" "$(json 'd.get("UserMFASettingList"), d.get("MFAOptions")')" "None None"
  call admin-set-user-settings --user-pool-id "$pool" --username "$user" \
    --mfa-options DeliveryMedium=SMS,AttributeName=phone_number
  call admin-get-user --user-pool-id "$pool" --username "$user" --query 'UserMFASettingList[0]' --output text
  expect "admin-set-user-settings turns SMS on by MFAOptions" "$(out)" SMS_MFA
  call admin-set-user-settings --user-pool-id "$pool" --username "$user" --mfa-options DeliveryMedium=EMAIL,AttributeName=email
  rc=$?; expect_error "an EMAIL MFA option is refused" "$rc" InvalidParameterException

  call admin-set-user-mfa-preference --user-pool-id "$pool" --username "nobody-$tag" --sms-mfa-settings Enabled=true
  rc=$?; expect_error "an unknown user is UserNotFoundException" "$rc" UserNotFoundException
  call admin-set-user-mfa-preference --user-pool-id "$pool" --username "$user" --software-token-mfa-settings Enabled=true
  rc=$?; expect_error "TOTP without an authenticator is SoftwareTokenMFANotFoundException" "$rc" SoftwareTokenMFANotFoundException
}

start_server || { fail "the server starts"; echo "$passed passed, $failed failed"; exit 1; }
echo "# $(aws --version 2>&1)"
if [ -n "$pg_database" ]; then store="PostgreSQL database $pg_database"; else store=SQLite; fi
echo "# server at $endpoint on $store"
mfa
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
