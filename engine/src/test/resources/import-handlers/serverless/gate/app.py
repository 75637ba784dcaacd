# The seed's partner gate in Python, with in-file stubs, reading the key header in any case: the local gateway's JDK
# HTTP server hands header names over as "X-api-key", while API Gateway REST keeps the client's case (issue 19).
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)

REVOKED = {"local-globex-8e7d6c5b4a39281706f5e4d3"}
TENANTS = {"local-acme-3f9a1b7c5d2e4f60a1b2c3d4": {"tenantId": "acme-001", "plan": "gold"}}
CALLS = {"count": 0}


def is_revoked(api_key):
    return api_key in REVOKED


def lookup_tenant(api_key):
    return TENANTS.get(api_key)


def policy(effect, resource):
    return {"Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": effect, "Resource": resource}]}


def lambda_handler(event, context):
    CALLS["count"] += 1
    api_key = {name.lower(): value for name, value in (event["headers"] or {}).items()}.get("x-api-key")
    if is_revoked(api_key):
        print("revoked key", api_key)
        return {"principalId": "revoked", "policyDocument": policy("Deny", event["methodArn"])}
    tenant = lookup_tenant(api_key)
    if tenant is None:
        raise Exception("Unauthorized")
    print("tenant", tenant["tenantId"], "call", CALLS["count"], "request", context.aws_request_id,
          "left", context.get_remaining_time_in_millis() > 0)
    logger.info("allowing %s", tenant["tenantId"])
    arn, stage = event["methodArn"].split("/")[:2]
    return {"principalId": tenant["tenantId"], "policyDocument": policy("Allow", arn + "/" + stage + "/*"),
            "context": {"tenantId": tenant["tenantId"], "plan": tenant["plan"]}}
