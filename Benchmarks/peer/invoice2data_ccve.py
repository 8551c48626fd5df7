#!/usr/bin/env python3
"""invoice2data on ScanRules' CCVE Tesseract fixtures: throughput on one thread and field accuracy.

Each fixture's TSV is turned into plain text the way ScanRules' TesseractTSVAdapter builds its text (level-5
rows only, words trimmed of spaces, blank words skipped, words joined by a space within a Tesseract line —
the same page/block/paragraph/line numbers — and lines joined by a newline). invoice2data then runs exactly
what its `extract_data` does once it has a backend's text, minus the backend: pick the first template whose
keywords all occur in the text (`InvoiceTemplate.matches_input`), `prepare_input`, `extract`, and treat a
`RequiredFieldsMissingError` as "no result" (extract_data returns {} then). No OCR, no PDF.

Timed per document, like scanrules-bench's "total": TSV bytes -> text -> template match -> extraction.
Usage:
  invoice2data_ccve.py [--fixtures Fixtures/CCVE] [--rounds 200] [--json OUT]
  invoice2data_ccve.py --score-scanrules DIR   # score `scanrules extract` outputs DIR/NAME.json instead
"""

import argparse
import datetime
import gc
import glob
import json
import logging
import os
import statistics
import sys
import time

# The template's regexes are Rules/CCVE.yaml's (\p{Lu}, variable-length look-behind): invoice2data runs
# them with the third-party `regex` package when this is set before it is imported.
os.environ["INVOICE2DATA_REGEX_ENGINE"] = "regex"

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["documentNumber", "lastName", "firstName", "dateOfBirth", "civilStatus",
          "expeditionDate", "expireDate", "nationality"]
MONTH_ONLY = {"expireDate"}


def tsv_to_text(data: bytes) -> str:
    """The document text ScanRules rebuilds from a Tesseract TSV."""
    lines, words, current = [], [], None
    for raw in data.decode("utf-8").split("\n")[1:]:
        if raw.endswith("\r"):
            raw = raw[:-1]
        if not raw.startswith("5\t"):
            continue
        columns = raw.split("\t")
        if len(columns) < 12:
            continue
        word = columns[11].strip(" ")
        if not word:
            continue
        key = (columns[1], columns[2], columns[3], columns[4])
        if key != current:
            if current is not None:
                lines.append(" ".join(words))
            current, words = key, []
        words.append(word)
    if current is not None:
        lines.append(" ".join(words))
    return "\n".join(lines)


def flat(field: str, value):
    """A value as the truth files write it: dates dd/MM/yyyy (MM/yyyy for the expiry), the rest as text."""
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%m/%Y" if field in MONTH_ONLY else "%d/%m/%Y")
    if isinstance(value, list):  # several different matches: no single answer
        return "|".join(str(v) for v in value)
    return str(value)


def load_fixtures(folder: str):
    docs = []
    for path in sorted(glob.glob(os.path.join(folder, "*.tsv"))):
        stem = os.path.basename(path)[:-len(".tsv")]
        truth_path = os.path.join(folder, stem + ".truth.json")
        with open(path, "rb") as handle:
            data = handle.read()
        truth = {}
        if os.path.exists(truth_path):
            with open(truth_path, encoding="utf-8") as handle:
                truth = json.load(handle)["fields"]
        docs.append((stem, data, truth))
    return docs


def score(outputs, docs):
    """Per field: correct / wrong (emitted, not the truth) / missing; exact string comparison."""
    table = {f: {"correct": 0, "wrong": 0, "missing": 0} for f in FIELDS}
    misses = []
    for (stem, _, truth), output in zip(docs, outputs):
        for field in FIELDS:
            expected = truth.get(field)
            if expected is None:
                continue
            got = output.get(field)
            if got is None or got == "":
                table[field]["missing"] += 1
                misses.append(f"{stem} {field}: missing (truth {expected!r})")
            elif got == str(expected):
                table[field]["correct"] += 1
            else:
                table[field]["wrong"] += 1
                misses.append(f"{stem} {field}: {got!r} (truth {expected!r})")
    correct = sum(t["correct"] for t in table.values())
    emitted = sum(t["correct"] + t["wrong"] for t in table.values())
    total = sum(t["correct"] + t["wrong"] + t["missing"] for t in table.values())
    return {"fields": table, "correct": correct, "emitted": emitted, "total": total,
            "accuracy": correct / total if total else 0.0,
            "precision": correct / emitted if emitted else 0.0, "misses": misses}


def print_score(name, result):
    print(f"{name} field accuracy: {result['correct']}/{result['total']} = {100 * result['accuracy']:.1f}% "
          f"(precision {result['correct']}/{result['emitted']} = {100 * result['precision']:.1f}%)")
    print("  field           correct  wrong  missing")
    for field, t in result["fields"].items():
        print(f"  {field:<16}{t['correct']:>7}{t['wrong']:>7}{t['missing']:>9}")
    for miss in result["misses"]:
        print("   -", miss)


def score_scanrules(folder, fixtures):
    """Scores `scanrules extract` JSON outputs (DIR/NAME.json, v3 shape with flat keys) like invoice2data's."""
    docs = load_fixtures(fixtures)
    outputs = []
    for stem, _, _ in docs:
        path = os.path.join(folder, stem + ".json")
        output = {}
        if os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
            output = {f: flat(f, document.get(f)) for f in FIELDS if document.get(f) is not None}
        outputs.append(output)
    return score(outputs, docs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", default=os.path.join(HERE, "..", "..", "Fixtures", "CCVE"))
    parser.add_argument("--templates", default=os.path.join(HERE, "templates"))
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--json", help="also write the numbers here")
    parser.add_argument("--score-scanrules", metavar="DIR")
    parser.add_argument("--quiet", action="store_true", help="no per-miss lines")
    args = parser.parse_args()

    if args.score_scanrules:
        result = score_scanrules(args.score_scanrules, args.fixtures)
        if args.quiet:
            result["misses"] = []
        print_score("ScanRules", result)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(result, handle, indent=1)
        return

    # A batch user silences the library's per-document warnings ("regexp for field … didn't match",
    # "Unable to match all required fields"); left on, Python prints each one to stderr.
    logging.getLogger("invoice2data").setLevel(logging.CRITICAL + 1)

    import invoice2data
    from invoice2data.exceptions import RequiredFieldsMissingError
    from invoice2data.extract import _dates, _regex
    from invoice2data.extract.loader import read_templates
    from invoice2data.input import text as text_module

    templates = read_templates(args.templates)
    if not templates:
        sys.exit(f"no template under {args.templates}")
    templates.sort(key=lambda t: t.get("priority", 5), reverse=True)

    def extract(text: str) -> dict:
        # invoice2data.api.extract_data after its backend returned `text`: first matching template, run it.
        for template in templates:
            if template.matches_input(text):
                optimized = template.prepare_input(text)
                try:
                    return template.extract(optimized, "<memory>", text_module)
                except RequiredFieldsMissingError:
                    return {}
        return {}

    docs = load_fixtures(args.fixtures)
    if not docs:
        sys.exit(f"no .tsv under {args.fixtures}")

    # Accuracy (and warm-up: compiles and caches every regex).
    raw_outputs = [extract(tsv_to_text(data)) for _, data, _ in docs]
    outputs = [{f: flat(f, out.get(f)) for f in FIELDS if out.get(f) is not None} for out in raw_outputs]
    accuracy = score(outputs, docs)
    matched = sum(1 for out in raw_outputs if out)
    # The same template without `required_fields`: what invoice2data would hand back if a partial result
    # were acceptable (ScanRules emits partial results, flagged NEEDS_MANUAL_VERIFICATION).
    strict_required = [t.get("required_fields") for t in templates]
    for template in templates:
        template["required_fields"] = []
    partial_outputs = [{f: flat(f, out.get(f)) for f in FIELDS if out.get(f) is not None}
                       for out in (extract(tsv_to_text(data)) for _, data, _ in docs)]
    partial = score(partial_outputs, docs)
    for template, required in zip(templates, strict_required):
        if required is None:
            del template["required_fields"]
        else:
            template["required_fields"] = required

    # invoice2data memoises date parsing (an lru_cache on the date string). Repeating 16 cards 200 times
    # would turn every date into a cache hit, which real traffic (new dates on every card) does not get:
    # the memo is cleared before each timed document (outside the clock). Compiled regexes stay cached,
    # as ScanRules' compiled rules do.
    def measure(clear_date_memo: bool):
        parse_times, extract_times, totals = [], [], []
        clock = time.perf_counter_ns
        gc.collect()
        for _ in range(args.rounds):
            for _, data, _ in docs:
                if clear_date_memo:
                    _dates.parse_date.cache_clear()
                start = clock()
                text = tsv_to_text(data)
                parsed = clock()
                extract(text)
                end = clock()
                parse_times.append((parsed - start) / 1000)
                extract_times.append((end - parsed) / 1000)
                totals.append((end - start) / 1000)
        return {
            "docs_per_second": len(totals) / (sum(totals) / 1e6),
            "total_median_us": statistics.median(totals),
            "total_p99_us": sorted(totals)[min(len(totals) - 1, round((len(totals) - 1) * 0.99))],
            "text_median_us": statistics.median(parse_times),
            "extract_median_us": statistics.median(extract_times),
        }

    cold = measure(clear_date_memo=True)
    memo = measure(clear_date_memo=False)

    version = getattr(invoice2data, "__version__", None)
    if version is None:
        from importlib.metadata import version as package_version
        version = package_version("invoice2data")
    print(f"invoice2data {version} (regex engine: {_regex.ENGINE}), Python {sys.version.split()[0]}; "
          f"{len(docs)} CCVE TSVs x {args.rounds} rounds, one thread; template matched {matched}/{len(docs)} "
          f"with all required fields")
    print(f"invoice2data docs/s 1 core: {cold['docs_per_second']:.0f}  "
          f"(median {cold['total_median_us']:.1f} µs/doc, p99 {cold['total_p99_us']:.1f} µs: "
          f"TSV->text {cold['text_median_us']:.1f} µs + match/extract {cold['extract_median_us']:.1f} µs)")
    print(f"  with its date memo left warm across rounds: {memo['docs_per_second']:.0f} docs/s "
          f"(median {memo['total_median_us']:.1f} µs/doc)")
    if args.quiet:
        accuracy["misses"] = []
    print_score("invoice2data", accuracy)
    if args.quiet:
        partial["misses"] = []
    print_score("invoice2data without required_fields (partial results kept)", partial)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"version": version, "documents": len(docs), "rounds": args.rounds,
                       "matched": matched, "timing": cold, "timing_date_memo_warm": memo,
                       "accuracy": accuracy, "accuracy_partial": partial, "outputs": dict(zip([d[0] for d in docs], outputs))},
                      handle, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
