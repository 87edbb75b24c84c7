#!/usr/bin/env bash
# Peak resident memory of `convert` (docs/scale-out.md, "Memory"): CSV with build B, Parquet with
# build A and with build B, alternated N times, each with the runtime's default GC and with the young
# generation capped at 16 MiB (DOTNET_GCgen0size; .NET sizes it from the L3 cache otherwise). Prints
# every run's peak RSS (MiB) and the range per row. Memory only: the machine may be busy.
#
# Usage: bench/e2e/peak-memory.sh DLL_A DLL_B INPUT N [extra convert options, e.g. --events LOGS]
set -euo pipefail
a="$1"; b="$2"; input="$3"; n="$4"; shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$n"); do
  for run in "B mysql" "A parquet" "B parquet"; do
    read -r build format <<< "$run"
    dll=$a; [ "$build" = B ] && dll=$b
    for gc in default gen0-16MiB; do
      rm -rf "$work/out"
      if [ "$gc" = default ]; then unset DOTNET_GCgen0size; else export DOTNET_GCgen0size=0x1000000; fi
      /usr/bin/time -f "%M" -o "$work/time" dotnet "$dll" convert "$input" --out "$work/out" --format "$format" --quiet "$@" > /dev/null || [ $? -eq 3 ]  # 3: done, with rejects
      echo "$build $format $gc $(( $(tail -n 1 "$work/time") / 1024 ))" | tee -a "$work/runs"
    done
  done
done
echo "peak RSS MiB (min-max of $n runs):"
awk '{k = $1 " " $2 " " $3; if (!(k in lo) || $4 < lo[k]) lo[k] = $4; if ($4 > hi[k]) hi[k] = $4} END {for (k in lo) print "  " k ": " lo[k] "-" hi[k]}' "$work/runs" | sort
