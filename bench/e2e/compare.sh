#!/usr/bin/env bash
# Side-by-side speed of two builds of vismooc on one input (docs/benchmarks.md, "Before and after"):
# runs `convert` with build A and build B alternately N times, so both see the same machine load,
# and prints the medians of wall time, CPU time (user+sys) and peak RSS, and B/A ratios.
#
# Usage: bench/e2e/compare.sh A_DLL B_DLL INPUT N [extra convert options, e.g. --threads 1]
# Build a commit to compare with: git worktree add /tmp/a COMMIT && dotnet build /tmp/a/src/VisMooc.Tool -c Release
set -euo pipefail
a="$1"; b="$2"; input="$3"; n="$4"; shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$n"); do
  for v in a b; do
    dll=${!v}; rm -rf "$work/out-$v"
    start=$(date +%s%N)
    # Exit 3 (converted with findings: synth logs hold malformed lines on purpose) is a finished run too.
    /usr/bin/time -f "%U %S %M" -o "$work/time" dotnet "$dll" convert "$input" --out "$work/out-$v" --quiet "$@" > /dev/null || [ $? -eq 3 ]
    end=$(date +%s%N)
    read -r user sys rss < <(tail -n 1 "$work/time")  # GNU time puts "Command exited with non-zero status N" first
    echo "$v $(echo "scale=3; ($end - $start) / 1000000000" | bc) $(echo "$user + $sys" | bc) $((rss / 1024))" >> "$work/runs"
  done
done
median() { grep "^$1 " "$work/runs" | awk -v c="$2" '{print $c}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}'; }
for v in a b; do echo "$v: median wall $(median $v 2) s, cpu $(median $v 3) s, peak rss $(median $v 4) MiB ($n runs)"; done
awk -v wa="$(median a 2)" -v wb="$(median b 2)" -v ca="$(median a 3)" -v cb="$(median b 3)" -v ra="$(median a 4)" -v rb="$(median b 4)" \
  'BEGIN { printf "b/a: wall %.3f, cpu %.3f, peak rss %.3f\n", wb / wa, cb / ca, rb / ra }'
