"""Make vocabulary.json (schema.org types, their parents and own properties) from schema-dts.

schema-dts is generated from a schema.org release; its version is recorded in
the output. Run once when moving to a newer release:

    npm pack schema-dts@2.1.0 && tar xzf schema-dts-2.1.0.tgz
    python tests/schemaorg/make_vocabulary.py package/dist/schema.d.ts
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

BASE = re.compile(r"^(?:export )?interface (\w+)Base extends ([^{]+)\{")
LEAF = re.compile(r"^(?:export )?interface (\w+)Leaf extends ([^{]+)\{")
PROPERTY = re.compile(r'^    "([\w@]+)"\??:')


def main(dts: Path) -> None:
    types: dict[str, dict] = {}
    current = None
    for line in dts.read_text(encoding="utf-8").splitlines():
        leaf = LEAF.match(line)
        if leaf:
            name = leaf.group(1)
            parents = [p.strip().removesuffix("Base") for p in leaf.group(2).split(",")]
            entry = types.setdefault(name, {"parents": [], "properties": []})
            entry["parents"] = sorted(set(entry["parents"]) | {p for p in parents if re.fullmatch(r"\w+", p) and p != name})
            continue
        match = BASE.match(line)
        if match:
            parents = [p.strip().removesuffix("Base") for p in match.group(2).split(",")]
            parents = [p for p in parents if re.fullmatch(r"\w+", p)]
            current = types.setdefault(match.group(1), {"parents": [], "properties": []})
            current["parents"] = sorted(set(current["parents"]) | set(parents))
            continue
        if current is not None:
            if line.startswith("}"):
                current = None
                continue
            prop = PROPERTY.match(line)
            if prop and not prop.group(1).startswith("@"):
                current["properties"].append(prop.group(1))
    out = Path(__file__).with_name("vocabulary.json")
    out.write_text(json.dumps({"source": "schema-dts 2.1.0 (schema.org vocabulary typings)", "types": types},
                              sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"{len(types)} types written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
