#!/usr/bin/env bash
# Coverage-guided fuzzing of one VisMooc reader with AFL++ and SharpFuzz: the longer run that the
# bounded property tests in tests/VisMooc.Tests/Safety stand in for. Not run by CI.
#
#   fuzz/run.sh TARGET [SECONDS]     TARGET: tsv | forum | course | mask | gz | clicks; SECONDS defaults to 600
#
# Seeds come from samples/ (for clicks, the tracking-log lines in fuzz/seeds/clicks). Inputs that crash (an unexpected exception, an allocation out of
# proportion to the input) or hang (over 10 s) land in fuzz/findings/TARGET/default/{crashes,hangs};
# replay them with: dotnet fuzz/bin/TARGET/VisMooc.Fuzz.dll TARGET FILE...
set -euo pipefail
target=${1:?usage: fuzz/run.sh tsv|forum|course|mask|gz|clicks [SECONDS]}
seconds=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
  else
    echo "afl-fuzz is missing: sudo apt-get install afl++" >&2; exit 1
  fi
fi

tools="$here/.tools"
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null

bin="$here/bin/$target"
rm -rf "$bin"
dotnet publish "$here/VisMooc.Fuzz" -c Release -o "$bin" -v quiet -nologo
# Only our code is instrumented: coverage of the readers, not of the runtime.
"$tools/sharpfuzz" "$bin/VisMooc.Modules.dll"

corpus="$here/corpus/$target"
rm -rf "$corpus" && mkdir -p "$corpus"
case "$target" in
  tsv) pattern='*.sql' ;;
  forum | mask) pattern='*.mongo' ;;
  course) pattern='*.json' ;;
  gz) pattern='*.gz' ;;
  clicks) pattern='' ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
if [ "$target" = gz ]; then
  # gzip copies of the sample tables (one of two members), cut short and whole, as seeds.
  for f in $(find "$root/samples" -name '*.sql' | sort | head -n 3); do
    gzip -c "$f" > "$corpus/$(basename "$f").gz"
    (gzip -c "$f"; gzip -c "$f") > "$corpus/$(basename "$f").2.gz"
    head -c 300 "$corpus/$(basename "$f").gz" > "$corpus/$(basename "$f").cut.gz"
  done
elif [ "$target" = clicks ]; then
  cp "$here"/seeds/clicks/* "$corpus/"
else
  find "$root/samples" -name "$pattern" -exec cp {} "$corpus/" \;
fi

findings="$here/findings/$target"
rm -rf "$findings" && mkdir -p "$(dirname "$findings")"
# dotnet is not an AFL-compiled binary and a container has no core-dump settings to change.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
afl-fuzz -V "$seconds" -i "$corpus" -o "$findings" -t 10000 -m none -- dotnet "$bin/VisMooc.Fuzz.dll" "$target" | tail -n 25

crashes=$(find "$findings/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)
hangs=$(find "$findings/default/hangs" -type f 2>/dev/null | wc -l)
execs=$(sed -n 's/^execs_done *: *//p' "$findings/default/fuzzer_stats" 2>/dev/null || echo "?")
echo "fuzz/run.sh $target: $execs executions in ${seconds} s, $crashes crashes, $hangs hangs (findings in $findings/default)"
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
