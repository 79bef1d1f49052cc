#!/usr/bin/env bash
# The AWS CLI's identity-provider commands against a running Gatehouse (issue 10, federation): an OIDC provider whose
# endpoints come from a discovery document (served by python3's http.server on 127.0.0.1), describe, list,
# get-identity-provider-by-identifier, update, an app client that names it, admin-link-provider-for-user and
# admin-disable-provider-for-user, delete. Prints TAP-like lines and "N passed, N failed" as run.sh does.
#
# Environment (as eng/test.sh sets it): GATEHOUSE_SERVER_DLL, GATEHOUSE_TEST_POSTGRES (see lib.sh).
set -uo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

cognito() { aws cognito-idp "$@" --region us-east-1 --endpoint-url "$endpoint" >"$work/out" 2>"$work/err"; }

issuer_pid=""
stop_all() { [ -n "$issuer_pid" ] && kill "$issuer_pid" 2>/dev/null; stop_server; }
trap stop_all EXIT

# An OIDC issuer's discovery document, served from $work/issuer on a free port; sets $issuer.
start_issuer() {
  local port; port=$(free_port)
  issuer="http://127.0.0.1:$port"
  mkdir -p "$work/issuer/.well-known"
  cat >"$work/issuer/.well-known/openid-configuration" <<JSON
{"issuer":"$issuer","authorization_endpoint":"$issuer/authorize","token_endpoint":"$issuer/token",
 "userinfo_endpoint":"$issuer/userinfo","jwks_uri":"$issuer/jwks"}
JSON
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/issuer" >"$work/issuer.log" 2>&1 &
  issuer_pid=$!
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$issuer/.well-known/openid-configuration")" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

walkthrough() {
  local tag pool client_id rc details
  tag=$(python3 -c 'import secrets;print(secrets.token_hex(4))')
  cognito create-user-pool --pool-name "cli-federation-$tag" --query UserPool.Id --output text
  pool=$(out)
  expect_match "create-user-pool" "$pool" '^us-east-1_[0-9A-Za-z]+$'

  details="{\"client_id\":\"upstream-$tag\",\"client_secret\":\"upstream-secret\",\"attributes_request_method\":\"GET\",\"oidc_issuer\":\"$issuer\",\"authorize_scopes\":\"openid email\"}"
  cognito create-identity-provider --user-pool-id "$pool" --provider-name Corp --provider-type OIDC \
    --provider-details "$details" --attribute-mapping email=email --idp-identifiers corp.example \
    --query 'IdentityProvider.ProviderDetails.token_url' --output text
  expect "create-identity-provider discovers the token endpoint" "$(out)" "$issuer/token"

  cognito create-identity-provider --user-pool-id "$pool" --provider-name Corp --provider-type OIDC --provider-details "$details"
  rc=$?
  expect_error "the same name again fails with DuplicateProviderException" "$rc" DuplicateProviderException

  cognito create-identity-provider --user-pool-id "$pool" --provider-name Nowhere --provider-type OIDC \
    --provider-details '{"client_id":"c","attributes_request_method":"GET","oidc_issuer":"http://127.0.0.1:9","authorize_scopes":"openid"}'
  rc=$?
  expect_error "an issuer without a discovery document fails with InvalidParameterException" "$rc" InvalidParameterException

  cognito describe-identity-provider --user-pool-id "$pool" --provider-name Corp \
    --query 'IdentityProvider.[ProviderType,AttributeMapping.username,ProviderDetails.jwks_uri]' --output text
  expect "describe-identity-provider" "$(out)" "$(printf 'OIDC\tsub\t%s/jwks' "$issuer")"

  cognito list-identity-providers --user-pool-id "$pool" --query 'Providers[].ProviderName' --output text
  expect "list-identity-providers lists it alone" "$(out)" Corp

  cognito get-identity-provider-by-identifier --user-pool-id "$pool" --idp-identifier CORP.example \
    --query IdentityProvider.ProviderName --output text
  expect "get-identity-provider-by-identifier ignores case" "$(out)" Corp

  cognito update-identity-provider --user-pool-id "$pool" --provider-name Corp \
    --provider-details '{"authorize_scopes":"openid email profile"}' --attribute-mapping email=email,name=name \
    --query 'IdentityProvider.[ProviderDetails.authorize_scopes,AttributeMapping.name]' --output text
  expect "update-identity-provider merges the details and replaces the mapping" "$(out)" "$(printf 'openid email profile\tname')"

  cognito create-user-pool-client --user-pool-id "$pool" --client-name "web-$tag" --supported-identity-providers COGNITO Nobody
  rc=$?
  expect_error "an app client naming an unknown provider fails" "$rc" InvalidParameterException
  cognito create-user-pool-client --user-pool-id "$pool" --client-name "web-$tag" --supported-identity-providers COGNITO Corp \
    --query UserPoolClient.ClientId --output text
  client_id=$(out)
  expect_match "an app client naming Corp" "$client_id" '^[0-9a-z]+$'

  cognito admin-create-user --user-pool-id "$pool" --username "native-$tag" --message-action SUPPRESS
  cognito admin-link-provider-for-user --user-pool-id "$pool" \
    --destination-user ProviderName=Cognito,ProviderAttributeValue="native-$tag" \
    --source-user ProviderName=Corp,ProviderAttributeName=Cognito_Subject,ProviderAttributeValue="upstream-sub-$tag"
  rc=$?
  expect "admin-link-provider-for-user" "$rc" 0
  cognito admin-get-user --user-pool-id "$pool" --username "native-$tag" \
    --query "UserAttributes[?Name=='identities'].Value" --output text
  expect "the user's identities attribute names the linked identity" \
    "$(out | python3 -c 'import json,sys;e=json.load(sys.stdin)[0];print(e["providerName"],e["userId"])')" "Corp upstream-sub-$tag"

  cognito admin-link-provider-for-user --user-pool-id "$pool" \
    --destination-user ProviderName=Cognito,ProviderAttributeValue="nobody-$tag" \
    --source-user ProviderName=Corp,ProviderAttributeName=Cognito_Subject,ProviderAttributeValue=other
  rc=$?
  expect_error "linking to an unknown user fails with UserNotFoundException" "$rc" UserNotFoundException

  cognito admin-disable-provider-for-user --user-pool-id "$pool" \
    --user ProviderName=Corp,ProviderAttributeName=Cognito_Subject,ProviderAttributeValue="upstream-sub-$tag"
  rc=$?
  expect "admin-disable-provider-for-user unlinks it" "$rc" 0
  cognito admin-get-user --user-pool-id "$pool" --username "native-$tag" \
    --query "length(UserAttributes[?Name=='identities'])" --output text
  expect "the identities attribute is gone" "$(out)" 0

  cognito delete-identity-provider --user-pool-id "$pool" --provider-name Corp
  rc=$?
  expect "delete-identity-provider" "$rc" 0
  cognito describe-user-pool-client --user-pool-id "$pool" --client-id "$client_id" \
    --query 'UserPoolClient.SupportedIdentityProviders' --output text
  expect "the app client no longer names it" "$(out)" COGNITO
  cognito describe-identity-provider --user-pool-id "$pool" --provider-name Corp
  rc=$?
  expect_error "the deleted provider is gone" "$rc" ResourceNotFoundException
}

start_server || { fail "the server starts"; echo "$passed passed, $failed failed"; exit 1; }
start_issuer || { fail "the discovery stand-in starts"; echo "$passed passed, $failed failed"; exit 1; }
echo "# $(aws --version 2>&1)"
if [ -n "$pg_database" ]; then store="PostgreSQL database $pg_database"; else store=SQLite; fi
echo "# server at $endpoint on $store, issuer at $issuer"
walkthrough
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
