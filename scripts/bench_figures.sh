#!/usr/bin/env bash
# Reproduce the end-to-end figures of BENCHMARKS.md at one corpus size.
#
#   scripts/bench_figures.sh ITEMS [RUNS]
#
# 1. writes a synthetic corpus of ITEMS agenda items (examples/synth.rs,
#    seed 20240412, the bundled pool) unless it is there already;
# 2. indexes it RUNS times into a fresh index with the release binary under
#    /usr/bin/time -v (wall time, peak resident memory);
# 3. measures the raw text and the index on disk (du --apparent-size);
# 4. runs `protokoll bench` RUNS times without and with snippets
#    (5 timed passes over the bundled set each, 1 warm-up pass);
# 5. prints a Markdown summary: medians with the min-max spread over runs.
#
# Everything goes to $WORK (default /tmp/protokoll-bench). Run it from the
# repository root on a quiet machine if you have one.
set -euo pipefail

ITEMS=${1:?usage: scripts/bench_figures.sh ITEMS [RUNS]}
RUNS=${2:-3}
WORK=${WORK:-/tmp/protokoll-bench}
SEED=20240412
BIN=target/release/protokoll
CORPUS=$WORK/corpus-$ITEMS
OUT=$WORK/results-$ITEMS
mkdir -p "$WORK" "$OUT"

cargo build --release -q -p protokoll-cli
cargo build --release -q -p protokoll --example synth

if [ ! -f "$CORPUS/.done" ]; then
    rm -rf "$CORPUS"
    target/release/examples/synth --items "$ITEMS" --seed "$SEED" --out "$CORPUS"
    touch "$CORPUS/.done"
fi

for run in $(seq 1 "$RUNS"); do
    index=$WORK/index-$ITEMS
    rm -rf "$index"
    sync
    /usr/bin/time -v "$BIN" index --index "$index" "$CORPUS" \
        >"$OUT/index-$run.out" 2>"$OUT/index-$run.time"
done
"$BIN" stats --index "$WORK/index-$ITEMS" --json >"$OUT/stats.json"
du -s --apparent-size --block-size=1 "$CORPUS" | cut -f1 >"$OUT/raw_bytes"
du -s --apparent-size --block-size=1 "$WORK/index-$ITEMS" | cut -f1 >"$OUT/index_bytes"

for run in $(seq 1 "$RUNS"); do
    "$BIN" bench --index "$WORK/index-$ITEMS" --runs 5 --warmup 1 --json >"$OUT/bench-$run.json"
    "$BIN" bench --index "$WORK/index-$ITEMS" --runs 5 --warmup 1 --snippets --json \
        >"$OUT/bench-snippets-$run.json"
done

python3 - "$OUT" "$ITEMS" "$RUNS" <<'PY'
import json, re, statistics, sys, pathlib
out, items, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

def spread(xs, fmt="{:.2f}"):
    xs = sorted(xs)
    med = statistics.median(xs)
    if len(xs) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} ({fmt.format(xs[0])}-{fmt.format(xs[-1])})"

def wall(text):
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", text)
    h, mnt, s = m.groups()
    return int(h or 0) * 3600 + int(mnt) * 60 + float(s)

def rss_mb(text):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024

raw = int((out / "raw_bytes").read_text())
idx = int((out / "index_bytes").read_text())
times = [(out / f"index-{r}.time").read_text() for r in range(1, runs + 1)]
secs = [wall(t) for t in times]
stats = json.loads((out / "stats.json").read_text())
print(f"### {items:,} items ({stats.get('meetings')} meetings, {stats.get('items')} items indexed, "
      f"{stats.get('decisions')} decisions, {raw/1e6:.1f} MB of text)\n")
print("| figure | median (min-max over runs) |")
print("|---|---|")
print(f"| index time, s | {spread(secs)} |")
print(f"| MB/s of text | {spread([raw/1e6/s for s in secs], '{:.1f}')} |")
print(f"| items/s | {spread([stats.get('items', items)/s for s in secs], '{:.0f}')} |")
print(f"| peak memory (max RSS), MB | {spread([rss_mb(t) for t in times], '{:.0f}')} |")
print(f"| index on disk / raw text | {idx/1e6:.1f} MB / {raw/1e6:.1f} MB = {idx/raw:.2f} |")
print()
for label, prefix in (("without snippets", "bench"), ("with snippets (top 10)", "bench-snippets")):
    reports = [json.loads((out / f"{prefix}-{r}.json").read_text()) for r in range(1, runs + 1)]
    print(f"Queries {label}, ms per query, median of {runs} runs (min-max):\n")
    print("| class | p50 ms | p99 ms | qps | mean hits |")
    print("|---|---|---|---|---|")
    for cls in sorted(reports[0]["classes"]) + ["all"]:
        rows = [r if cls == "all" else r["classes"][cls] for r in reports]
        print(f"| {cls} | {spread([x['p50_ms'] for x in rows], '{:.3f}')} | "
              f"{spread([x['p99_ms'] for x in rows], '{:.3f}')} | "
              f"{spread([x['qps'] for x in rows], '{:.0f}')} | {rows[0]['hits']:.0f} |")
    print()
PY
