#!/usr/bin/env bash
# `scanrules batch --jobs 2` against `--jobs 1`, and against two `--jobs 1` processes side by side (what the
# machine's two cores give to work that shares nothing), over a JSONL stream of native OCR documents: the
# 16 CCVE Tesseract fixtures written as native JSON by `scanrules ocr`, repeated to DOCS lines.
# Runs alternate, ROUNDS times, so that the machine's drift hits every variant alike; prints each round
# and the medians. Not part of CI.
#   bash Benchmarks/batch-scaling.sh            (DOCS=20000 ROUNDS=5 by default)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCS="${DOCS:-20000}"
ROUNDS="${ROUNDS:-5}"
cd "$ROOT"
scripts/ensure-deps
swift build -c release --product scanrules >/dev/null
SCANRULES="$(swift build -c release --show-bin-path)/scanrules"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for tsv in Fixtures/CCVE/ccve-[0-9]*.tsv; do
    "$SCANRULES" ocr "$tsv" | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin), ensure_ascii=False, separators=(",", ":")))'
done > "$WORK/cards.jsonl"
python3 - "$WORK/cards.jsonl" "$WORK/batch.jsonl" "$DOCS" <<'EOF'
import itertools, sys
cards = open(sys.argv[1]).read().splitlines()
with open(sys.argv[2], "w") as out:
    out.writelines(line + "\n" for line in itertools.islice(itertools.cycle(cards), int(sys.argv[3])))
EOF

seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }
one_job() { "$SCANRULES" batch --type CCVE --jobs 1 "$WORK/batch.jsonl" > /dev/null; }
two_jobs() { "$SCANRULES" batch --type CCVE --jobs 2 "$WORK/batch.jsonl" > /dev/null; }
two_processes() { one_job & one_job; wait; }

echo "$DOCS documents, $(nproc) cores; seconds per run"
printf '%-6s %-8s %-8s %-14s %-10s %s\n' round jobs1 jobs2 "2 processes" "jobs2 ×" "2 processes ×"
ratios=()
for round in $(seq "$ROUNDS"); do
    one=$(seconds one_job); two=$(seconds two_jobs); pair=$(seconds two_processes)
    jobs_ratio=$(echo "scale=2; $one / $two" | bc); pair_ratio=$(echo "scale=2; 2 * $one / $pair" | bc)
    ratios+=("$jobs_ratio $pair_ratio")
    printf '%-6s %-8.2f %-8.2f %-14.2f %-10.2f %.2f\n' "$round" "$one" "$two" "$pair" "$jobs_ratio" "$pair_ratio"
done
printf '%s\n' "${ratios[@]}" | python3 -c '
import statistics, sys
rows = [tuple(map(float, line.split())) for line in sys.stdin]
print(f"median: --jobs 2 is {statistics.median(r[0] for r in rows):.2f}x --jobs 1; two processes {statistics.median(r[1] for r in rows):.2f}x one")'
