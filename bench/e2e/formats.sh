#!/usr/bin/env bash
# Cost of Parquet output against CSV output of the same conversion (docs/scale-out.md, "Cost"): runs
# `convert` with --format mysql and --format parquet alternately N times with one build, so both see
# the same machine load, and prints the medians of wall time, CPU time (user+sys) and peak RSS, and
# the parquet/csv ratios.
#
# Usage: bench/e2e/formats.sh DLL INPUT N [extra convert options, e.g. --events LOGS --threads 1]
set -euo pipefail
dll="$1"; input="$2"; n="$3"; shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$n"); do
  for f in mysql parquet; do
    rm -rf "$work/out-$f"
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S %M" -o "$work/time" dotnet "$dll" convert "$input" --out "$work/out-$f" --format "$f" --quiet "$@" > /dev/null || [ $? -eq 3 ]  # 3: done, with rejects (synth plants some)
    end=$(date +%s%N)
    read -r user sys rss < <(tail -n 1 "$work/time")  # after "Command exited with non-zero status 3"
    echo "$f $(echo "scale=3; ($end - $start) / 1000000000" | bc) $(echo "$user + $sys" | bc) $((rss / 1024)) $(du -sm "$work/out-$f" | cut -f1)" >> "$work/runs"
  done
done
median() { grep "^$1 " "$work/runs" | awk -v c="$2" '{print $c}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}'; }
for f in mysql parquet; do echo "$f: median wall $(median $f 2) s, cpu $(median $f 3) s, peak rss $(median $f 4) MiB, output $(median $f 5) MiB ($n runs)"; done
awk -v wa="$(median mysql 2)" -v wb="$(median parquet 2)" -v ca="$(median mysql 3)" -v cb="$(median parquet 3)" -v ra="$(median mysql 4)" -v rb="$(median parquet 4)" \
  'BEGIN { printf "parquet/csv: wall %.3f, cpu %.3f, peak rss %.3f\n", wb / wa, cb / ca, rb / ra }'
