#!/usr/bin/env python3
"""Regenerates the AWS API model artefacts that the server compiles in.

Input: the official Smithy JSON model of a service (aws/api-models-aws,
cognito-identity-provider/service/2016-04-18/cognito-identity-provider-2016-04-18.json).
Output (committed, so builds never need the model itself):
  src/Gatehouse.Server/AwsProtocol/Model/<service>.model.json  trimmed model: shapes, constraints, operations
  src/Gatehouse.Server/AwsProtocol/Shapes/<Prefix>Shapes.g.cs    one record per structure, wire names unchanged
  src/Gatehouse.Server/AwsProtocol/Shapes/<Prefix>JsonContext.g.cs  System.Text.Json source-generation context

Usage: python3 eng/gen-model.py <model.json> <service-key> <CsPrefix> [<namespace suffix> [<op,op,...>]]
e.g.   python3 eng/gen-model.py cognito-identity-provider-2016-04-18.json cognito-idp CognitoIdp
       python3 eng/gen-model.py cognito-identity-2014-06-30.json cognito-identity CognitoIdentity CognitoIdentity
       python3 eng/gen-model.py sts-2011-06-15.json sts Sts Sts
       python3 eng/gen-model.py iam-2010-05-08.json iam Iam Iam CreateRole,GetRole,...
A namespace suffix puts the records in Gatehouse.Server.AwsProtocol.Shapes.<suffix> (and the folder Shapes/<suffix>),
so that services whose models share shape names (ListTagsForResourceResponse) do not collide. An operation list
keeps only the shapes those operations reach (the IAM model has 170 operations; Gatehouse builds a subset); the
inventory <service-key>-ops.tsv, written when the service has no hand-kept one, still lists every operation.

The 2025-04 model predates members and operations the service has since gained (refresh-token rotation,
GetTokensFromRefreshToken). eng/<service-key>-additions.json, when present, holds those shapes in the model's own
form, with where each one comes from (its "about"); they are merged in before anything is generated: a new shape is
added, an existing structure gains the listed members.
"""
import json
import os
import sys

src, key, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
ns_suffix = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
only_ops = set(sys.argv[5].split(",")) if len(sys.argv) > 5 else None
namespace = "Gatehouse.Server.AwsProtocol.Shapes" + (f".{ns_suffix}" if ns_suffix else "")
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Gatehouse.Server", "AwsProtocol")
full = json.load(open(src))["shapes"]
# Operations the SDK sends unsigned although the 2025-04 model has no optionalAuth trait on them: the STS client's
# auth scheme provider offers smithy.api#noAuth first for AssumeRoleWithWebIdentity and AssumeRoleWithSAML
# (@aws-sdk/client-sts@3.1177.0 dist-es/auth/httpAuthSchemeProvider.js; shared/api/sts-web-identity.md).
auth_none = {"sts": {"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}}.get(key, set())
additions_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), f"{key}-additions.json")
sources = [os.path.basename(src)]
if os.path.exists(additions_path):
    sources.append(os.path.basename(additions_path))
    for name, shape in json.load(open(additions_path))["shapes"].items():
        if name in full and full[name]["type"] == "structure" and shape["type"] == "structure":
            for member, value in shape["members"].items():
                if member in full[name]["members"]:
                    raise SystemExit(f"{name}.{member} is already in the model; drop it from {additions_path}")
                full[name]["members"][member] = value
        elif name in full:
            raise SystemExit(f"{name} is already in the model; drop it from {additions_path}")
        else:
            full[name] = shape
    # "traits": constraints of existing shapes that the service does not enforce as the model states them; each
    # entry replaces the listed traits and says why in the file's "about".
    for name, traits in json.load(open(additions_path)).get("traits", {}).items():
        if name not in full:
            raise SystemExit(f"{name} is not in the model; drop it from the traits of {additions_path}")
        full[name].setdefault("traits", {}).update(traits)

PRELUDE = {
    "smithy.api#String": {"type": "string"},
    "smithy.api#Boolean": {"type": "boolean"},
    "smithy.api#PrimitiveBoolean": {"type": "boolean"},
    "smithy.api#Integer": {"type": "integer"},
    "smithy.api#PrimitiveInteger": {"type": "integer"},
    "smithy.api#Long": {"type": "long"},
    "smithy.api#PrimitiveLong": {"type": "long"},
    "smithy.api#Timestamp": {"type": "timestamp"},
    "smithy.api#Document": {"type": "document"},
    "smithy.api#Blob": {"type": "blob"},
    "smithy.api#Unit": {"type": "structure", "members": {}},
}


def short(target):
    if target in PRELUDE:
        return "smithy." + target.split("#")[1]
    return target.split("#")[1]


shapes = {}
for name, s in list(full.items()) + list(PRELUDE.items()):
    t = s["type"]
    if t in ("service", "resource"):
        continue
    n = short(name)
    tr = s.get("traits", {})
    out = {"type": t}
    if "smithy.api#length" in tr:
        out["length"] = tr["smithy.api#length"]
    if "smithy.api#pattern" in tr:
        out["pattern"] = tr["smithy.api#pattern"]
    if "smithy.api#range" in tr:
        out["range"] = tr["smithy.api#range"]
    if "smithy.api#sensitive" in tr:
        out["sensitive"] = True
    if "smithy.api#error" in tr:
        out["error"] = tr["smithy.api#error"]
        out["httpError"] = tr.get("smithy.api#httpError", 500 if tr["smithy.api#error"] == "server" else 400)
    if t == "enum":
        out["enum"] = [m.get("traits", {}).get("smithy.api#enumValue", mn) for mn, m in s["members"].items()]
    elif t in ("structure", "union"):
        members = {}
        for mn, m in s.get("members", {}).items():
            mt = m.get("traits", {})
            mm = {"target": short(m["target"])}
            if "smithy.api#required" in mt:
                mm["required"] = True
            members[mn] = mm
        out["members"] = members
    elif t == "list":
        out["member"] = short(s["member"]["target"])
    elif t == "map":
        out["key"] = short(s["key"]["target"])
        out["value"] = short(s["value"]["target"])
    elif t == "operation":
        out = {
            "type": "operation",
            "input": short(s["input"]["target"]) if "input" in s else None,
            "output": short(s["output"]["target"]) if "output" in s else None,
            "errors": [short(e["target"]) for e in s.get("errors", [])],
            "noAuth": "smithy.api#optionalAuth" in tr,
        }
        if "smithy.api#optionalAuth" in tr or tr.get("smithy.api#auth") == []:
            auth_none.add(n)
    shapes[n] = out

all_ops = sorted(n for n, s in shapes.items() if s["type"] == "operation")
if only_ops is not None:
    missing = only_ops - set(all_ops)
    if missing:
        raise SystemExit(f"not operations of the model: {sorted(missing)}")
    keep = set()

    def reach(n):
        if n in keep or n not in shapes:
            return
        keep.add(n)
        sh = shapes[n]
        for m in sh.get("members", {}).values():
            reach(m["target"])
        for k in ("member", "key", "value", "input", "output"):
            if sh.get(k):
                reach(sh[k])
        for e in sh.get("errors", []):
            reach(e)

    for op in only_ops:
        reach(op)
    for n in list(shapes):
        if n.startswith("smithy."):
            keep.add(n)
    shapes = {n: v for n, v in shapes.items() if n in keep}

# The inventory of every operation, for services without a hand-kept one (shared/api has cognito-idp's and
# cognito-identity's): operation, category (the service key), whether the SDK signs it.
ops_tsv = os.path.join(root, "Model", f"{key}-ops.tsv")
if key not in ("cognito-idp", "cognito-identity"):
    with open(ops_tsv, "w") as f:
        f.write("operation\tcategory\tsdk_auth_scheme\n")
        for op in all_ops:
            f.write(f"{op}\t{key}\t{'none' if op in auth_none else 'sigv4'}\n")

os.makedirs(os.path.join(root, "Model"), exist_ok=True)
with open(os.path.join(root, "Model", f"{key}.model.json"), "w") as f:
    json.dump({"source": " + ".join(sources), "shapes": shapes}, f, separators=(",", ":"), sort_keys=True)


def cs_type(target, required):
    s = shapes[target]
    t = s["type"]
    q = "" if required else "?"
    if t in ("string", "enum"):
        return "string" + q
    if t in ("integer", "intEnum"):
        return "int" + q
    if t == "long":
        return "long" + q
    if t == "boolean":
        return "bool" + q
    if t == "timestamp":
        return "DateTimeOffset" + q
    if t == "blob":
        return "byte[]" + q
    if t == "document":
        return "JsonElement" + q
    if t == "list":
        return f"IReadOnlyList<{cs_type(s['member'], True)}>" + q
    if t == "map":
        return f"IReadOnlyDictionary<string, {cs_type(s['value'], True)}>" + q
    if t in ("structure", "union"):
        return target + q
    raise SystemExit(f"unhandled type {t} for {target}")


structs = sorted(n for n, s in shapes.items()
                 if s["type"] in ("structure", "union") and not n.startswith("smithy.") and "error" not in s)
lines = [
    "// <auto-generated>",
    f"// Generated by eng/gen-model.py from the AWS API model ({' + '.join(sources)}). Do not edit:",
    "// change the generator and run it again. One record per structure; member names are the wire names.",
    "// </auto-generated>",
    "#nullable enable",
    "using System.Text.Json;",
    "",
    f"namespace {namespace};",
    "",
]
for n in structs:
    lines.append(f"internal sealed record {n}")
    lines.append("{")
    for mn, m in shapes[n]["members"].items():
        req = m.get("required", False)
        ty = cs_type(m["target"], req)
        mod = "required " if req else ""
        prop = mn if mn != n else mn  # a member named like its type is not in these models
        lines.append(f"    public {mod}{ty} {prop} {{ get; init; }}")
    lines.append("}")
    lines.append("")
shapes_dir = os.path.join(root, "Shapes", *( [ns_suffix] if ns_suffix else []))
os.makedirs(shapes_dir, exist_ok=True)
with open(os.path.join(shapes_dir, f"{prefix}Shapes.g.cs"), "w") as f:
    f.write("\n".join(lines))

ctx = [
    "// <auto-generated>",
    "// Generated by eng/gen-model.py. Do not edit.",
    "// </auto-generated>",
    "#nullable enable",
    "using System.Text.Json.Serialization;",
    *(["using Gatehouse.Server.AwsProtocol;"] if ns_suffix else []),
    "",
    f"namespace {namespace};",
    "",
    "[JsonSourceGenerationOptions(",
    "    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,",
    "    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified,",
    "    Converters = [typeof(EpochSecondsConverter)])]",
]
for n in structs:
    ctx.append(f"[JsonSerializable(typeof({n}))]")
ctx.append(f"internal sealed partial class {prefix}JsonContext : JsonSerializerContext;")
ctx.append("")
with open(os.path.join(shapes_dir, f"{prefix}JsonContext.g.cs"), "w") as f:
    f.write("\n".join(ctx))
print(f"{len(structs)} structures, {sum(1 for s in shapes.values() if s['type']=='operation')} operations")
