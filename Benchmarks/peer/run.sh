#!/usr/bin/env bash
# ScanRules vs invoice2data on the same 16 CCVE Tesseract TSV fixtures: documents per second on one thread,
# the ratio, and each side's field accuracy against the .truth.json files. Not part of CI.
#   bash Benchmarks/peer/run.sh            (ROUNDS=200 by default)
set -euo pipefail

PEER="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PEER/../.." && pwd)"
ROUNDS="${ROUNDS:-200}"
INVOICE2DATA_VERSION=1.0.1
cd "$ROOT"

# 1. invoice2data in its own virtual environment (core install: no OCR/PDF extras are needed for text).
VENV="$PEER/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("invoice2data"))' 2>/dev/null)" != "$INVOICE2DATA_VERSION" ]; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "invoice2data==$INVOICE2DATA_VERSION"
fi

# 2. ScanRules, release build.
scripts/ensure-deps
swift build -c release --product scanrules-bench >/dev/null
swift build -c release --product scanrules >/dev/null
BIN="$(swift build -c release --show-bin-path)"

# 3. The same inputs for both: the 16 Tesseract TSVs only (scanrules-bench would also take the seed's
#    native JSON from Fixtures/CCVE, which invoice2data's side does not read).
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/fixtures/CCVE" "$WORK/scanrules"
for tsv in Fixtures/CCVE/*.tsv; do
    stem="$(basename "$tsv" .tsv)"
    ln -s "$ROOT/$tsv" "$WORK/fixtures/CCVE/$stem.tsv"
    ln -s "$ROOT/Fixtures/CCVE/$stem.truth.json" "$WORK/fixtures/CCVE/$stem.truth.json"
done
COUNT="$(ls "$WORK/fixtures/CCVE"/*.tsv | wc -l)"

echo "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "== inputs: $COUNT CCVE Tesseract TSVs, $ROUNDS rounds each, one thread"
echo
echo "== ScanRules: scanrules-bench --type CCVE --jobs 1 --rounds $ROUNDS"
"$BIN/scanrules-bench" --type CCVE --jobs 1 --rounds "$ROUNDS" --fixtures "$WORK/fixtures" | tee "$WORK/bench.txt"
for tsv in "$WORK/fixtures/CCVE"/*.tsv; do
    stem="$(basename "$tsv" .tsv)"
    "$BIN/scanrules" extract --type CCVE --as-of 2025-10-23 "$tsv" >"$WORK/scanrules/$stem.json" 2>"$WORK/scanrules/$stem.err" || true
done
"$VENV/bin/python" "$PEER/invoice2data_ccve.py" --fixtures "$WORK/fixtures/CCVE" \
    --score-scanrules "$WORK/scanrules" --json "$WORK/scanrules.json"
echo
echo "== invoice2data $INVOICE2DATA_VERSION: Benchmarks/peer/invoice2data_ccve.py --rounds $ROUNDS"
"$VENV/bin/python" "$PEER/invoice2data_ccve.py" --fixtures "$WORK/fixtures/CCVE" --rounds "$ROUNDS" \
    --json "$WORK/invoice2data.json"
echo

# 4. The comparison, from the numbers printed above.
"$VENV/bin/python" - "$WORK/bench.txt" "$WORK/scanrules.json" "$WORK/invoice2data.json" <<'EOF'
import json, sys
bench, scanrules, peer = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
lines = open(bench, encoding="utf-8").read().splitlines()
header = next(l for l in lines if l.startswith("type "))
row = next(l for l in lines if l.startswith("CCVE "))
def column(name):
    return row[header.index(name):].split("  ")[0].strip()
sr_rate = float(column("docs/s 1 core"))
sr_median = column("total med")
i2d = peer["timing"]
print("== comparison (one thread; TSV parse + extraction per document)")
print(f"  ScanRules     {sr_rate:>8.0f} docs/s   median {sr_median}/doc   "
      f"field accuracy {100 * scanrules['accuracy']:.1f}% ({scanrules['correct']}/{scanrules['total']})")
print(f"  invoice2data  {i2d['docs_per_second']:>8.0f} docs/s   median {i2d['total_median_us']:.1f} µs/doc   "
      f"field accuracy {100 * peer['accuracy']['accuracy']:.1f}% ({peer['accuracy']['correct']}/{peer['accuracy']['total']}); "
      f"{100 * peer['accuracy_partial']['accuracy']:.1f}% with partial results kept")
print(f"  ratio: ScanRules is {sr_rate / i2d['docs_per_second']:.1f}x invoice2data's throughput")
EOF
