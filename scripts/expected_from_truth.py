#!/usr/bin/env python3
"""Start a golden expected file from a fixture's ground truth (never from ScanRules' output).

    python3 scripts/expected_from_truth.py Fixtures/CC/cc-07.truth.json [...]

Writes NAME.expected.json beside each truth file, unless one exists: the flat `fields` the engine must
output (the truth's values for the fields the type's rule file `Rules/TYPE.yaml` declares, plus
`country` and `category`) and the `mentions` its entities must carry for the fields read from the page
(by default the value as printed: the truth's `printed` form when it has one). A person then reads the
OCR input (the TSV's text column) and edits what OCR changed: a mention read differently (e.g.
`24,567,391` for `24.567.391`), or a value OCR lost or misread, moved from `fields` to `missed` with the
reason. The golden test checks the file against the truth.
"""
import json
import sys
from pathlib import Path

import yaml  # PyYAML

REPO = Path(__file__).resolve().parent.parent


def rule_fields(document_type: str) -> tuple[list[str], list[str]]:
    """The rule's fields read from the page and those derived from others."""
    rule = yaml.safe_load((REPO / "Rules" / f"{document_type}.yaml").read_text(encoding="utf-8"))
    read, derived = [], ["country", "category"]
    for name, spec in rule["fields"].items():
        (derived if "derive" in spec else read).append(name)
    return read, derived


def main(truth_path: str) -> None:
    truth_file = Path(truth_path)
    target = truth_file.with_name(truth_file.name.replace(".truth.json", ".expected.json"))
    if target.exists():
        print(f"{target} exists; edit it by hand", file=sys.stderr)
        return
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    read, derived = rule_fields(truth["documentType"])
    printed = truth.get("printed", {})
    fields = {k: v for k, v in truth["fields"].items() if k in read + derived}
    mentions = {k: printed.get(k, str(v)) for k, v in fields.items() if k in read}
    expected = {"documentType": truth["documentType"], "fields": fields, "mentions": mentions,
                "missed": {}, "checked": "mentions as printed; verify against the TSV text"}
    target.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        main(path)
