#!/usr/bin/env python3
"""Writes docs/security.md: every row of the attack & fault suite (tests/security/suite.md, a copy of the
suite the project keeps) with the tests that play it, or the feature it waits for.

A test names the rows it plays:
  .NET    [Trait("SecurityRow", "16")]            (one attribute per row)
  node    a test name containing "[row 16]"        (test('[row 16] alg none refused', ...))
  shell   a line "# security-row: 16" (or "16, 17") just before the check
A test that plays only part of a row says so: [Trait("SecurityRowPart", "16")], "[row 16 part]", "# security-row-part: 16";
such a row is "partly tested" until a test plays all of it.
A row no test names is "waiting" when tests/security/waiting.tsv names the feature it waits for, else "no test yet".
Tests run in every CI run and any failing test fails it, so a row listed with tests is passing in a landed commit.

  eng/security-report.py docs/security.md          write the report
  eng/security-report.py --check docs/security.md  exit 1 when the report is stale (eng/test.sh runs this)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "tests", "security", "suite.md")
WAITING = os.path.join(ROOT, "tests", "security", "waiting.tsv")
SKIP_DIRS = {"bin", "obj", "node_modules", ".git"}

ROW_LINE = re.compile(r"^\|\s*(\d{1,3})\s*\|(.*)$")
SECTION = re.compile(r"^###\s+([A-Z])\.\s+(.*)$")
CS_TRAIT = re.compile(r'\[Trait\("SecurityRow(Part)?",\s*"(\d{1,3})"\)\]')
CS_TEST = re.compile(r"public\s+(?:async\s+)?(?:Task|void|ValueTask)\s+(\w+)\s*\(")
CS_CLASS = re.compile(r"\b(?:class|record)\s+(\w+)")
NODE_TEST = re.compile(r"""\b(?:test|it)\s*\(\s*(['"`])(.*?\[rows? [\d, ]+(?: part)?\].*?)\1""")
NODE_ROWS = re.compile(r"\[rows? ([\d, ]+?)( part)?\]")
SH_ROWS = re.compile(r"#\s*security-row(-part)?:\s*([\d, ]+)")


def suite_rows():
    rows, section = [], ""
    with open(SUITE, encoding="utf-8") as f:
        for line in f:
            m = SECTION.match(line)
            if m:
                section = f"{m.group(1)}. {m.group(2).split('(')[0].strip()}"
                continue
            m = ROW_LINE.match(line)
            if m:
                cells = [c.strip() for c in m.group(2).split("|")]
                rows.append((int(m.group(1)), section, cells[0] if cells else ""))
    return rows


def waiting():
    found = {}
    if os.path.exists(WAITING):
        with open(WAITING, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    row, feature = line.rstrip("\n").split("\t")[:2]
                    found[int(row)] = feature
    return found


def numbers(text):
    return [int(n) for n in re.findall(r"\d+", text)]


def tagged_tests():
    tests = {}
    for top in ("tests",):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if rel == os.path.join("tests", "security", "suite.md"):
                    continue
                if name.endswith(".cs"):
                    scan_cs(path, rel, tests)
                elif name.endswith((".mjs", ".js", ".ts")):
                    scan_node(path, rel, tests)
                elif name.endswith((".sh", ".py")):
                    scan_shell(path, rel, tests)
    return tests


def add(tests, row, label, part=False):
    kinds = tests.setdefault(row, {"full": [], "part": []})
    kind = kinds["part" if part else "full"]
    if label not in kind:
        kind.append(label)


def scan_cs(path, rel, tests):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    cls, pending = None, []
    for line in lines:
        m = CS_CLASS.search(line)
        if m and cls is None:
            cls = m.group(1)
        pending += [(int(n), bool(part)) for part, n in CS_TRAIT.findall(line)]
        m = CS_TEST.search(line)
        if m and pending:
            for row, part in pending:
                add(tests, row, f"`{cls}.{m.group(1)}` ({rel})", part)
            pending = []


def scan_node(path, rel, tests):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in NODE_TEST.finditer(text):
        rows = NODE_ROWS.search(m.group(2))
        for row in numbers(rows.group(1)):
            add(tests, row, f"`{m.group(2)}` ({rel})", bool(rows.group(2)))


def scan_shell(path, rel, tests):
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            m = SH_ROWS.search(line)
            if m:
                for row in numbers(m.group(2)):
                    add(tests, row, f"{rel}:{i}", bool(m.group(1)))


def report():
    rows, wait, tests = suite_rows(), waiting(), tagged_tests()
    known = {r for r, _, _ in rows}
    unknown = sorted(set(tests) - known)
    if unknown:
        sys.exit(f"tests name rows the suite does not have: {unknown}")
    counts = {"passing": 0, "partly tested": 0, "waiting": 0, "no test yet": 0}
    body, section = [], None
    for row, sec, attack in rows:
        if sec != section:
            section = sec
            body += ["", f"## {sec}", "", "| # | Attack / fault | Status | Tests |", "|---|---|---|---|"]
        short = attack if len(attack) <= 140 else attack[:137].rstrip() + "…"
        if row in tests and tests[row]["full"]:
            status, where = "passing", "<br>".join(tests[row]["full"] + tests[row]["part"])
            counts["passing"] += 1
        elif row in tests:
            status, where = "partly tested", "<br>".join(tests[row]["part"])
            counts["partly tested"] += 1
        elif row in wait:
            status, where = f"waiting: {wait[row]}", ""
            counts["waiting"] += 1
        else:
            status, where = "no test yet", ""
            counts["no test yet"] += 1
        body.append(f"| {row} | {short} | {status} | {where} |")
    head = [
        "# Attack & fault suite: where each row stands",
        "",
        "Generated by `eng/security-report.py docs/security.md` from tests/security/suite.md (the suite's rows) and the",
        "tests that name a row (`[Trait(\"SecurityRow\", \"N\")]` in .NET, `[row N]` in a node test name, `# security-row: N`",
        "in a shell suite). Every CI run runs every listed test and fails when one fails, so a row with tests is passing in",
        "any landed commit; `partly tested` rows have tests for part of what the row asks. `waiting` rows wait for a feature not built yet (tests/security/waiting.tsv); `no test yet`",
        "rows have their feature but no test that names them. Do not edit by hand; eng/test.sh fails when this file is stale.",
        "",
        f"Rows: {len(rows)}; passing {counts['passing']}, partly tested {counts['partly tested']}, waiting {counts['waiting']}, no test yet {counts['no test yet']}.",
    ]
    return "\n".join(head + body) + "\n"


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if not a.startswith("--")]
    out = paths[0] if paths else os.path.join(ROOT, "docs", "security.md")
    text = report()
    if check:
        current = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
        if current != text:
            print(f"{out} is stale: run eng/security-report.py {out}")
            return 1
        return 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
