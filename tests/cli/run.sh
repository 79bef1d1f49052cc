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
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

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
