"""boto3 against a running Gatehouse: identity pools, IAM and STS, as an app written in Python calls them.

Usage: identity_pools_boto3.py ENDPOINT KEY_ID SECRET IDENTITY_POOL PROVIDER USER_POOL CLIENT USER PASSWORD PREMIUM_ARN
       AUTH_ARN (made by identity-pools.sh). Prints "ok <name>" / "not ok <name>" lines; exits 1 when one failed.
"""
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, key_id, secret, idpool, provider, pool, client_id, user, password, premium_arn, auth_arn = sys.argv[1:12]
failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"not ok {name} {detail}".rstrip())


def client(service, **credentials):
    session = boto3.session.Session(
        aws_access_key_id=credentials.get("id", key_id),
        aws_secret_access_key=credentials.get("secret", secret),
        aws_session_token=credentials.get("token"),
        region_name="us-east-1",
    )
    return session.client(service, endpoint_url=endpoint, config=Config(retries={"max_attempts": 1}))


def error_code(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"]
    return None


idp = client("cognito-idp")
identity = client("cognito-identity")
iam = client("iam")

roles = iam.list_roles()["Roles"]
check("iam list_roles lists the premium role", any(r["Arn"] == premium_arn for r in roles))
role = iam.get_role(RoleName=premium_arn.rsplit("/", 1)[1])["Role"]
check("iam get_role returns the trust policy as a dict", isinstance(role["AssumeRolePolicyDocument"], dict))
check("iam get_role returns CreateDate as a datetime", hasattr(role["CreateDate"], "year"))
check("iam get_role of an unknown role raises NoSuchEntity",
      error_code(lambda: iam.get_role(RoleName="no-such-role-x")) == "NoSuchEntity")

id_token = idp.admin_initiate_auth(
    UserPoolId=pool, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
    AuthParameters={"USERNAME": user, "PASSWORD": password})["AuthenticationResult"]["IdToken"]
identity_id = identity.get_id(IdentityPoolId=idpool, Logins={provider: id_token})["IdentityId"]
check("cognito-identity get_id returns an identity", identity_id.startswith("us-east-1:"))
creds = identity.get_credentials_for_identity(IdentityId=identity_id, Logins={provider: id_token})["Credentials"]
check("get_credentials_for_identity returns an Expiration datetime", hasattr(creds["Expiration"], "year"))

sts = client("sts", id=creds["AccessKeyId"], secret=creds["SecretKey"], token=creds["SessionToken"])
caller = sts.get_caller_identity()
check("sts get_caller_identity with the credentials names the premium role",
      caller["Arn"].endswith(f":assumed-role/{premium_arn.rsplit('/', 1)[1]}/CognitoIdentityCredentials"), caller["Arn"])

openid = identity.get_open_id_token(IdentityId=identity_id, Logins={provider: id_token})["Token"]
unsigned_sts = boto3.session.Session(region_name="us-east-1").client(
    "sts", endpoint_url=endpoint, config=Config(signature_version=__import__("botocore").UNSIGNED))
assumed = unsigned_sts.assume_role_with_web_identity(RoleArn=auth_arn, RoleSessionName="py", WebIdentityToken=openid)
check("unsigned sts assume_role_with_web_identity returns credentials",
      assumed["Credentials"]["AccessKeyId"].startswith("ASIA"))
check("assume_role_with_web_identity names the identity as subject",
      assumed["SubjectFromWebIdentityToken"] == identity_id, assumed.get("SubjectFromWebIdentityToken", ""))
check("a bad OpenID token raises InvalidIdentityToken",
      error_code(lambda: unsigned_sts.assume_role_with_web_identity(
          RoleArn=auth_arn, RoleSessionName="py", WebIdentityToken=openid[:-1] + "x")) == "InvalidIdentityToken")

sys.exit(1 if failures else 0)
