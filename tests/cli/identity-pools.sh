#!/usr/bin/env bash
# The AWS CLI and boto3 against a running Gatehouse: the identity-pool walkthrough of the README (the seed article's
# steps 3-5: create an identity pool with its default roles, edit a role, give a user-pool group its own role, sign in
# and get credentials), the classic flow through STS, guests, and the refusals a client meets. Prints TAP-like lines
# and a closing "N passed, N failed"; exits 1 if any check failed. Environment: see lib.sh.
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

# aws SERVICE ARGS...: the AWS CLI against the server; stdout to $work/out, stderr to $work/err.
call() { local service=$1; shift; aws "$service" "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }
# as_session ID SECRET TOKEN SERVICE ARGS...: the same, signed with temporary credentials.
as_session() {
  local id=$1 key=$2 token=$3; shift 3
  AWS_ACCESS_KEY_ID=$id AWS_SECRET_ACCESS_KEY=$key AWS_SESSION_TOKEN=$token call "$@"
}
json() { python3 -c "import json,sys; d=json.load(open('$work/out')); print($1)"; }

walkthrough() {
  local tag pool client user password group idpool provider auth_arn unauth_arn premium_arn token identity rc
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  user="walker-$tag"; password='Walk-Passw0rd!'; group="premium-$tag"

  # A user pool with an app client and a signed-up user (the seed's steps 1-2).
  call cognito-idp create-user-pool --pool-name "walk-$tag" --query UserPool.Id --output text; pool=$(out)
  call cognito-idp create-user-pool-client --user-pool-id "$pool" --client-name app \
    --explicit-auth-flows ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --query UserPoolClient.ClientId --output text
  client=$(out)
  call cognito-idp admin-create-user --user-pool-id "$pool" --username "$user" --message-action SUPPRESS
  call cognito-idp admin-set-user-password --user-pool-id "$pool" --username "$user" --password "$password" --permanent
  expect_match "a user pool, an app client and a user" "$pool $client" '^us-east-1_[0-9A-Za-z]+ [a-z0-9]{26}$'

  # Step 3: the identity pool. The provider name is the ID token's issuer without its scheme.
  provider="${endpoint#http://}/$pool"
  call cognito-identity create-identity-pool --identity-pool-name "walk_$tag" --allow-unauthenticated-identities \
    --cognito-identity-providers "ProviderName=$provider,ClientId=$client,ServerSideTokenCheck=true" \
    --query IdentityPoolId --output text
  idpool=$(out)
  expect_match "create-identity-pool returns a <region>:<uuid> id" "$idpool" '^us-east-1:[0-9a-f-]{36}$'

  curl -s -u "$key_id:$secret" -X POST "$endpoint/console/api/identitypools/$idpool/default-roles" >"$work/out" 2>"$work/err"
  auth_arn=$(json 'd["authenticated"]' 2>/dev/null); unauth_arn=$(json 'd["unauthenticated"]' 2>/dev/null)
  expect_match "the console's default roles are created" "$auth_arn" "^arn:aws:iam::[0-9]{12}:role/Cognito_walk_${tag}Auth_Role$"

  call cognito-identity get-identity-pool-roles --identity-pool-id "$idpool" --query Roles.authenticated --output text
  expect "get-identity-pool-roles shows the authenticated role" "$(out)" "$auth_arn"

  # Step 4: edit a role created by Cognito.
  cat >"$work/files.json" <<JSON
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke",
 "Resource":"arn:aws:execute-api:us-east-1:*:files/*/GET/private/\${cognito-identity.amazonaws.com:sub}/*"}]}
JSON
  call iam put-role-policy --role-name "Cognito_walk_${tag}Auth_Role" --policy-name files \
    --policy-document "file://$work/files.json"
  rc=$?; expect "iam put-role-policy edits the authenticated role" "$rc" 0
  call iam get-role-policy --role-name "Cognito_walk_${tag}Auth_Role" --policy-name files \
    --query PolicyDocument.Statement[0].Action --output text
  expect "iam get-role-policy returns the document as JSON" "$(out)" "execute-api:Invoke"

  # Step 5: a group with its own role, chosen through the token's cognito:preferred_role.
  cat >"$work/trust.json" <<JSON
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
 "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"$idpool"},
 "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}
JSON
  call iam create-role --role-name "premium-$tag" --assume-role-policy-document "file://$work/trust.json" \
    --query Role.Arn --output text
  premium_arn=$(out)
  expect_match "iam create-role creates the premium role" "$premium_arn" "^arn:aws:iam::[0-9]{12}:role/premium-$tag$"
  call iam get-role --role-name "premium-$tag" --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Federated' --output text
  expect "iam get-role decodes the trust policy" "$(out)" "cognito-identity.amazonaws.com"
  call cognito-idp create-group --user-pool-id "$pool" --group-name "$group" --role-arn "$premium_arn" --precedence 1
  call cognito-idp admin-add-user-to-group --user-pool-id "$pool" --username "$user" --group-name "$group"
  call cognito-identity set-identity-pool-roles --identity-pool-id "$idpool" \
    --roles "authenticated=$auth_arn,unauthenticated=$unauth_arn" \
    --role-mappings "{\"$provider:$client\":{\"Type\":\"Token\",\"AmbiguousRoleResolution\":\"AuthenticatedRole\"}}"
  rc=$?; expect "set-identity-pool-roles maps roles from the token" "$rc" 0

  # Sign in and get credentials (enhanced flow).
  call cognito-idp admin-initiate-auth --user-pool-id "$pool" --client-id "$client" --auth-flow ADMIN_USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$user,PASSWORD=$password" --query AuthenticationResult.IdToken --output text
  token=$(out)
  call cognito-identity get-id --identity-pool-id "$idpool" --logins "$provider=$token" --query IdentityId --output text
  identity=$(out)
  expect_match "get-id with the ID token returns an identity" "$identity" '^us-east-1:[0-9a-f-]{36}$'
  call cognito-identity get-id --identity-pool-id "$idpool" --logins "$provider=$token" --query IdentityId --output text
  expect "get-id again returns the same identity" "$(out)" "$identity"

  call cognito-identity get-credentials-for-identity --identity-id "$identity" --logins "$provider=$token" \
    --query 'Credentials.[AccessKeyId,SecretKey,SessionToken]' --output text
  local id key session
  read -r id key session <<<"$(out)"
  expect_match "get-credentials-for-identity returns temporary ASIA credentials" "${id:-}" '^ASIA[A-Z2-7]{16}$'
  as_session "$id" "$key" "$session" sts get-caller-identity --query Arn --output text
  expect_match "sts get-caller-identity with them names the group's role" "$(out)" \
    "^arn:aws:sts::[0-9]{12}:assumed-role/premium-$tag/CognitoIdentityCredentials$"
  as_session "$id" "${key}x" "$session" sts get-caller-identity
  rc=$?; expect_error "a wrong secret with a session token is refused" "$rc" SignatureDoesNotMatch

  # Refusals: a tampered token, another identity's id, a role the token may not take.
  call cognito-identity get-id --identity-pool-id "$idpool" --logins "$provider=${token%?}x"
  rc=$?; expect_error "get-id with a tampered token fails with NotAuthorizedException" "$rc" NotAuthorizedException
  call cognito-identity get-id --identity-pool-id "$idpool" --query IdentityId --output text
  local guest; guest=$(out)
  call cognito-identity get-credentials-for-identity --identity-id "$guest" --logins "$provider=$token"
  rc=$?; expect_error "the user's logins on a guest's identity are refused" "$rc" NotAuthorizedException

  # Guests: the unauthenticated role.
  call cognito-identity get-credentials-for-identity --identity-id "$guest" \
    --query 'Credentials.[AccessKeyId,SecretKey,SessionToken]' --output text
  read -r id key session <<<"$(out)"
  as_session "$id" "$key" "$session" sts get-caller-identity --query Arn --output text
  expect_match "a guest gets the unauthenticated role" "$(out)" "assumed-role/Cognito_walk_${tag}Unauth_Role/"

  # The classic (basic) flow: GetOpenIdToken, then STS AssumeRoleWithWebIdentity.
  call cognito-identity get-open-id-token --identity-id "$identity" --logins "$provider=$token"
  rc=$?; expect_error "get-open-id-token without AllowClassicFlow is refused" "$rc" InvalidParameterException
  call cognito-identity describe-identity-pool --identity-pool-id "$idpool"
  python3 -c "import json; d=json.load(open('$work/out')); d['AllowClassicFlow']=True; json.dump(d, open('$work/pool.json','w'))"
  call cognito-identity update-identity-pool --cli-input-json "file://$work/pool.json" --query AllowClassicFlow --output text
  expect "update-identity-pool turns the classic flow on" "$(out)" True
  call cognito-identity get-open-id-token --identity-id "$identity" --logins "$provider=$token" --query Token --output text
  local openid; openid=$(out)
  call sts assume-role-with-web-identity --role-arn "$auth_arn" --role-session-name walker --web-identity-token "$openid" \
    --query 'AssumedRoleUser.Arn' --output text
  expect_match "sts assume-role-with-web-identity takes the authenticated role" "$(out)" \
    "^arn:aws:sts::[0-9]{12}:assumed-role/Cognito_walk_${tag}Auth_Role/walker$"
  call sts assume-role-with-web-identity --role-arn "$unauth_arn" --role-session-name walker --web-identity-token "$openid"
  rc=$?; expect_error "an authenticated token on the guests' role is refused" "$rc" AccessDenied
  call sts assume-role-with-web-identity --role-arn "$auth_arn" --role-session-name walker --web-identity-token "${openid%?}x"
  rc=$?; expect_error "a tampered OpenID token is refused" "$rc" InvalidIdentityToken

  # boto3 runs the same walk from Python.
  python3 "$here/identity_pools_boto3.py" "$endpoint" "$key_id" "$secret" "$idpool" "$provider" "$pool" "$client" \
    "$user" "$password" "$premium_arn" "$auth_arn" >"$work/boto3" 2>&1
  rc=$?
  while IFS= read -r line; do
    case $line in "ok "*) pass "boto3: ${line#ok }";; "not ok "*) fail "boto3: ${line#not ok }";; *) echo "# $line";; esac
  done <"$work/boto3"
  [ "$rc" -eq 0 ] || grep -q '^not ok ' "$work/boto3" || fail "boto3 script ran to its end" "$(tail -c 800 "$work/boto3")"

  call cognito-identity delete-identity-pool --identity-pool-id "$idpool"
  rc=$?; expect "delete-identity-pool succeeds" "$rc" 0
  call cognito-identity describe-identity-pool --identity-pool-id "$idpool"
  rc=$?; expect_error "the deleted identity pool is gone" "$rc" ResourceNotFoundException
}

start_server || { fail "the server starts"; echo "$passed passed, $failed failed"; exit 1; }
echo "# $(aws --version 2>&1); boto3 $(python3 -c 'import boto3;print(boto3.__version__)' 2>&1)"
if [ -n "$pg_database" ]; then store="PostgreSQL database $pg_database"; else store=SQLite; fi
echo "# server at $endpoint on $store"
walkthrough
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
