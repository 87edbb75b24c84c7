#!/usr/bin/env bash
# The Parquet writer comparison of docs/scale-out.md ("Choice of writer"): writes the same click_events
# rows with ParquetSharp, Parquet.Net and DuckDB (COPY … FORMAT parquet), each in a process of its own,
# alternating the writers N times, and prints medians and ratios to ParquetSharp; then reads every file
# back with DuckDB to compare types and values.
#   bench/e2e/parquet-writers.sh [ROWS] [N] [--with-default]
# --with-default also runs Parquet.Net at its default compression level (slow: about 50x).
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-2000000}; n=${2:-3}; extra=${3:-}
dotnet build bench/VisMooc.Benchmarks -c Release -v q -nologo >/dev/null
bin=bench/VisMooc.Benchmarks/bin/Release/net10.0/VisMooc.Benchmarks
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
writers=(none parquetsharp parquetnet parquetnet-millis duckdb)
[ "$extra" = "--with-default" ] && writers+=(parquetnet-default)
for ((i = 1; i <= n; i++)); do
  for w in "${writers[@]}"; do
    "$bin" parquet-writer "$w" "$rows" "$out/$w.parquet" >>"$out/runs.tsv"
  done
done
python3 - "$out/runs.tsv" <<'PY'
import sys, statistics, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split('\t'); kv = dict(x.split('=') for x in f[2:])
    runs[f[0]].append({k: float(v) for k, v in kv.items()})
med = {w: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for w, rs in runs.items()}
base = med['parquetsharp']; floor = med['none']['cpu_s']
print(f"{'writer':20} {'cpu_s':>7} {'wall_s':>7} {'rss_MiB':>7} {'MB':>6}  cpu-floor vs ParquetSharp")
for w, m in med.items():
    r = (m['cpu_s'] - floor) / (base['cpu_s'] - floor) if w != 'none' else 0
    print(f"{w:20} {m['cpu_s']:7.2f} {m['wall_s']:7.2f} {m['peak_rss_mib']:7.0f} {m['file_bytes']/1e6:6.1f}  {r:.2f}x")
print(f"runs per writer: {len(runs['parquetsharp'])}; medians")
PY
files=(); for w in "${writers[@]}"; do [ "$w" = none ] || files+=("$out/$w.parquet"); done
"$bin" parquet-check "${files[@]}"
