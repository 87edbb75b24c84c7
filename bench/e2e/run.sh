#!/usr/bin/env bash
# End-to-end benchmark of vismooc (docs/benchmarks.md): in one run, generates packages with
# `vismooc synth` and measures side by side, each REPEATS times (median reported):
#   - the I/O floor: copying the same input bytes (cp -r of the package folder),
#   - vismooc convert (wall, CPU, peak RSS, input MB/s, output rows/s per table), default threads,
#   - vismooc convert --threads 1 (for the parallel speed-up, and to check the bytes are the same),
#   - vismooc load into SQLite, and into MariaDB against a hand-run LOAD DATA of the same CSVs,
#   - with tracking logs (issue 14; --logs-learners 0 skips it): one synth course with its daily
#     org-level logs, converted with --events from the .log.gz files against their decompression
#     floor (gzip -dc, two files at a time), from the same logs uncompressed (--threads 1 and
#     default), and without logs (to subtract the seven other tables); click_events.csv must be
#     byte-identical across all of them.
# MariaDB: a throwaway server in the work folder (needs mariadbd and mariadb-install-db); the
# password reaches vismooc only through VISMOOC_DB_PASSWORD.
#
# Usage: bench/e2e/run.sh [--sizes "100000 1000000"] [--repeats 5] [--style new] [--no-mariadb] [--work DIR]
#                         [--logs-learners 10000] [--events-per-learner 100]
# Prints a markdown report on stdout; raw measurements go to DIR/results.tsv.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
sizes="100000 1000000"; repeats=5; style=new; mariadb=1; work=""; logs_learners=10000; events_per_learner=100
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2;;
    --repeats) repeats="$2"; shift 2;;
    --style) style="$2"; shift 2;;
    --no-mariadb) mariadb=0; shift;;
    --work) work="$2"; shift 2;;
    --logs-learners) logs_learners="$2"; shift 2;;
    --events-per-learner) events_per_learner="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
work="${work:-$(mktemp -d "${TMPDIR:-/tmp}/vismooc-bench-XXXXXX")}"
mkdir -p "$work"
log() { echo "bench: $*" >&2; }

# Each 1M-learner package is about 555 MB, its CSVs about 450 MB, and the databases more.
need_mb=$(( 0 )); for n in $sizes; do need_mb=$(( need_mb + n * 3 / 1000 )); done
free_mb=$(df -Pm "$work" | awk 'NR==2 {print $4}')
if [ "$free_mb" -lt "$need_mb" ]; then echo "bench: $work has ${free_mb} MB free, needs about ${need_mb} MB" >&2; exit 1; fi

log "building Release"
dotnet build "$repo/src/VisMooc.Tool" -c Release -v q -nologo >&2
tool="$repo/src/VisMooc.Tool/bin/Release/net10.0/vismooc.dll"
vismooc() { dotnet "$tool" "$@"; }

results="$work/results.tsv"
: > "$results"
# Other work on the machine slows every figure: record how busy it was around the run.
echo "start $(cut -d' ' -f1-3 /proc/loadavg)" > "$work/loadavg.txt"
# measure NAME SIZE RUN -- command...: appends wall, cpu (user+sys) and peak RSS (KiB) of one run.
measure() {
  local name="$1" size="$2" run="$3"; shift 4
  # GNU time gives CPU and peak RSS; its wall clock has 10 ms steps, too coarse for the copy floor.
  local start end
  start=$(date +%s%N)
  # Exit 3 is a finished conversion with findings (synth logs hold cut lines on purpose).
  /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" > "$work/stdout.txt" || [ $? -eq 3 ]
  end=$(date +%s%N)
  read -r user sys rss < <(tail -n 1 "$work/time.txt")  # after GNU time's "Command exited with non-zero status 3"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$run" "$(echo "scale=4; ($end - $start) / 1000000000" | bc)" "$(echo "$user + $sys" | bc)" "$rss" >> "$results"
}

server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    mariadb --no-defaults --socket="$work/mysql.sock" -u root -e "SHUTDOWN" 2>/dev/null || kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ "$mariadb" = 1 ]; then
  log "starting a throwaway MariaDB in $work/mysql"
  mkdir -p "$work/mysql"
  mariadb-install-db --no-defaults --datadir="$work/mysql" --user=root --auth-root-authentication-method=normal --skip-test-db > "$work/mysql-install.log" 2>&1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # Same server settings for vismooc's load and the hand-run LOAD DATA; a buffer pool that holds the data.
  mariadbd --no-defaults --datadir="$work/mysql" --socket="$work/mysql.sock" --port="$port" --bind-address=127.0.0.1 \
    --user=root --local-infile=1 --skip-log-bin --innodb-buffer-pool-size=2G --skip-name-resolve \
    --pid-file="$work/mysql.pid" > "$work/mysql.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 60); do
    mariadb --no-defaults --socket="$work/mysql.sock" -u root -e "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.5   # waiting for a server to come up, not synchronising a test
  done
  password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  # The password goes to the server on standard input and to vismooc in the environment only.
  mariadb --no-defaults --socket="$work/mysql.sock" -u root <<SQL
CREATE USER 'bench'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'bench'@'%';
SQL
  export VISMOOC_DB_PASSWORD="$password"
fi

for n in $sizes; do
  pkg="$work/pkg-$n/SynthX-STAT201x-2T2016"
  log "synth $n learners ($style)"
  rm -rf "$work/pkg-$n"
  vismooc synth --learners "$n" --style "$style" --out "$pkg" --quiet
  input_bytes=$(cat "$pkg"/* | wc -c)
  printf '%s\tinput_bytes\t0\t%s\t0\t0\n' "$n" "$input_bytes" >> "$results"
  cat "$pkg"/* > /dev/null   # every run below reads from the page cache

  for r in $(seq 1 "$repeats"); do
    log "size $n run $r/$repeats"
    rm -rf "$work/copy"
    measure copy "$n" "$r" -- cp -r "$pkg" "$work/copy"
    rm -rf "$work/copy" "$work/out-$n"
    measure convert "$n" "$r" -- dotnet "$tool" convert "$pkg" --out "$work/out-$n" --quiet --json
    cp "$work/stdout.txt" "$work/report-$n.json"
    rm -rf "$work/out1-$n"
    measure convert_threads1 "$n" "$r" -- dotnet "$tool" convert "$pkg" --out "$work/out1-$n" --quiet --threads 1
    for t in courses course_video videos enrollments forum grades users; do
      cmp -s "$work/out-$n/$t.csv" "$work/out1-$n/$t.csv" || { echo "bench: $t.csv differs between --threads 1 and the default" >&2; exit 1; }
    done
    rm -rf "$work/out1-$n"

    rm -f "$work/db-$n.sqlite"*
    measure load_sqlite "$n" "$r" -- dotnet "$tool" load "$work/out-$n" --db "sqlite:$work/db-$n.sqlite" --quiet
    rm -f "$work/db-$n.sqlite"*

    if [ "$mariadb" = 1 ]; then
      db="vm_${n}_$r"; hand="hand_${n}_$r"
      measure load_mariadb "$n" "$r" -- dotnet "$tool" load "$work/out-$n" --db "mysql://bench@127.0.0.1:$port/$db" --quiet
      # The generated MOOCdb script as a user would run it: CREATE TABLEs then LOAD DATA LOCAL INFILE … IGNORE, same CSVs, same server.
      sed -e "s#DB_NAME#$hand#g" -e "s#MOOCDB_DIR#$work/out-$n#g" "$repo/schema/import_vismooc_to_moocdb.sql" > "$work/hand.sql"
      measure load_data_by_hand "$n" "$r" -- mariadb --no-defaults --local-infile=1 --socket="$work/mysql.sock" -u root -e "source $work/hand.sql"
      mariadb --no-defaults --socket="$work/mysql.sock" -u root -e "DROP DATABASE $db; DROP DATABASE $hand"
    fi
  done
done

if [ "$logs_learners" -gt 0 ]; then
  lpkg="$work/logs/SynthX-NEW201-2099_T1"
  log "synth $logs_learners learners with $events_per_learner tracking-log lines each"
  rm -rf "$work/logs"
  vismooc synth --learners "$logs_learners" --style "$style" --out "$lpkg" --events-out "$work/logs/gz" --events-per-learner "$events_per_learner" --quiet
  vismooc synth --learners "$logs_learners" --style "$style" --out "$work/logs/again" --events-out "$work/logs/plain" --events-per-learner "$events_per_learner" --events-plain --quiet
  rm -rf "$work/logs/again"
  printf 'logs\tinput_bytes\t0\t%s\t0\t0\n' "$(find "$work/logs/plain" -type f -name '*.log' -exec cat {} + | wc -c)" >> "$results"
  printf 'logs\tgz_bytes\t0\t%s\t0\t0\n' "$(find "$work/logs/gz" -type f -name '*.log.gz' -exec cat {} + | wc -c)" >> "$results"
  cat "$lpkg"/* > /dev/null; find "$work/logs/gz" "$work/logs/plain" -type f -exec cat {} + > /dev/null
  for r in $(seq 1 "$repeats"); do
    log "logs run $r/$repeats"
    measure gzip_floor logs "$r" -- sh -c "find '$work/logs/gz' -name '*.log.gz' | sort | xargs -P 2 -n 1 sh -c 'gzip -dc \"\$0\" > /dev/null'"
    rm -rf "$work/logs/out-gz"
    measure convert_gz logs "$r" -- dotnet "$tool" convert "$lpkg" --events "$work/logs/gz" --out "$work/logs/out-gz" --quiet --json
    cp "$work/stdout.txt" "$work/logs/report.json"
    rm -rf "$work/logs/out-plain"
    measure convert_plain logs "$r" -- dotnet "$tool" convert "$lpkg" --events "$work/logs/plain" --out "$work/logs/out-plain" --quiet
    rm -rf "$work/logs/out-plain1"
    measure convert_plain_threads1 logs "$r" -- dotnet "$tool" convert "$lpkg" --events "$work/logs/plain" --out "$work/logs/out-plain1" --quiet --threads 1
    rm -rf "$work/logs/out-none"
    measure convert_no_logs logs "$r" -- dotnet "$tool" convert "$lpkg" --out "$work/logs/out-none" --quiet
    for o in out-plain out-plain1; do
      cmp -s "$work/logs/out-gz/click_events.csv" "$work/logs/$o/click_events.csv" || { echo "bench: click_events.csv of $o differs from the .log.gz run" >&2; exit 1; }
    done
  done
  python3 -c 'import json, sys; print("logs\tclick_rows\t0\t%d\t0\t0" % sum(t["written"] for c in json.load(open(sys.argv[1]))["courses"] for t in c["tables"] if t["table"] == "click_events"))' "$work/logs/report.json" >> "$results"
fi

echo "end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/loadavg.txt"
python3 "$repo/bench/e2e/report.py" "$results" "$work" "$sizes" "$repeats" "$style"
log "raw measurements: $results"
