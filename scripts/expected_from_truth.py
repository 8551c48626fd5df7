#!/usr/bin/env python3
"""Start a golden expected file from a fixture's ground truth (never from ScanRules' output).

    python3 scripts/expected_from_truth.py Fixtures/CCVE/ccve-07.truth.json [--rules-fields a,b,...]

Writes NAME.expected.json beside the truth file, unless one exists: the flat `fields` the engine must
output (the truth's values for the fields the rule extracts) and the `mentions` its entities must carry
(by default the value as printed). A person then reads the OCR input (the TSV's text column) and edits
what OCR changed: a mention read differently (e.g. `24,567,391` for `24.567.391`), or a value OCR lost,
moved from `fields` to `missed` with the reason. The golden test checks the file against the truth.
"""
import json
import sys
from pathlib import Path

# Fields of the CCVE rule that are read from the card (entities) and derived (flat only).
READ = ["civilStatus", "dateOfBirth", "documentNumber", "expeditionDate", "expireDate",
        "firstName", "issuingOffice", "lastName", "nationality"]
DERIVED = ["age", "fullName", "gender", "country", "category"]


def main(truth_path: str) -> None:
    truth_file = Path(truth_path)
    target = truth_file.with_name(truth_file.name.replace(".truth.json", ".expected.json"))
    if target.exists():
        sys.exit(f"{target} exists; edit it by hand")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    printed = truth.get("printed", {})
    fields = {k: v for k, v in truth["fields"].items() if k in READ + DERIVED}
    mentions = {k: printed.get(k, str(v)) for k, v in fields.items() if k in READ}
    expected = {"documentType": truth["documentType"], "fields": fields, "mentions": mentions,
                "missed": {}, "checked": "mentions as printed; verify against the TSV text"}
    target.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        main(path)
