"""Summarises bench/e2e/run.sh measurements (results.tsv) as the markdown of docs/benchmarks.md."""
import json
import statistics
import sys
from collections import defaultdict

results, work, sizes, repeats, style = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4], sys.argv[5]
runs = defaultdict(list)
input_bytes = {}
for line in open(results):
    size, name, run, wall, cpu, rss = line.rstrip("\n").split("\t")
    if name == "input_bytes":
        input_bytes[size] = int(wall)
    else:
        runs[(size, name)].append((float(wall), float(cpu), int(rss)))


def median(size, name, field):
    values = [r[field] for r in runs.get((size, name), [])]
    return statistics.median(values) if values else None


def best(size, name):
    values = [r[0] for r in runs.get((size, name), [])]
    return min(values) if values else None


def rows(size):
    report = json.load(open(f"{work}/report-{size}.json"))
    counts = defaultdict(int)
    for course in report["courses"]:
        for t in course["tables"]:
            counts[t["table"]] += t["written"]
    return counts


def fmt(x, spec="{:.2f}"):
    return "n/a" if x is None else spec.format(x)


import os
import platform
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
load = " → ".join(l.split(" ", 1)[1].strip() for l in open(f"{work}/loadavg.txt"))
print(f"Machine: {os.cpu_count()} × {cpu}, load average (1, 5, 15 min) {load} over the run (other work shares the machine).")
print(f"Medians of {repeats} runs per figure (best run in brackets); package style `{style}`; warm page cache; MB = 10^6 bytes, MiB = 2^20.\n")
summary = {}
for size in sizes:
    mb = input_bytes[size] / 1e6
    copy = median(size, "copy", 0)
    wall = median(size, "convert", 0)
    cpu = median(size, "convert", 1)
    rss = median(size, "convert", 2) / 1024
    wall1 = median(size, "convert_threads1", 0)
    counts = rows(size)
    total = sum(counts.values())
    sqlite = median(size, "load_sqlite", 0)
    maria = median(size, "load_mariadb", 0)
    hand = median(size, "load_data_by_hand", 0)
    summary[size] = dict(mb=mb, copy=copy, wall=wall, cpu=cpu, rss=rss, wall1=wall1, total=total, sqlite=sqlite, maria=maria, hand=hand)
    print(f"### {int(size):,} learners ({mb:,.1f} MB of input, {total:,} output rows)\n")
    print("| what | wall s | CPU s | CPU / wall | peak RSS MiB | throughput |")
    print("|---|---:|---:|---:|---:|---|")
    print(f"| copy floor (`cp -r` of the package) | {copy:.2f} ({best(size, 'copy'):.2f}) | {median(size, 'copy', 1):.2f} | | {median(size, 'copy', 2) / 1024:.0f} | {mb / copy:,.0f} MB/s |")
    print(f"| `vismooc convert` (default threads) | {wall:.2f} ({best(size, 'convert'):.2f}) | {cpu:.2f} | {cpu / wall:.2f} | {rss:.0f} | {mb / wall:,.0f} MB/s in (best {mb / best(size, 'convert'):,.0f}), {total / wall:,.0f} rows/s out, {wall / copy:.1f}× the copy floor |")
    print(f"| `vismooc convert --threads 1` | {wall1:.2f} ({best(size, 'convert_threads1'):.2f}) | {median(size, 'convert_threads1', 1):.2f} | | {median(size, 'convert_threads1', 2) / 1024:.0f} | {mb / wall1:,.0f} MB/s; parallel speed-up {wall1 / wall:.2f}×; same bytes |")
    print(f"| `vismooc load` into SQLite | {sqlite:.2f} ({best(size, 'load_sqlite'):.2f}) | {median(size, 'load_sqlite', 1):.2f} | | {median(size, 'load_sqlite', 2) / 1024:.0f} | {total / sqlite:,.0f} rows/s (best {total / best(size, 'load_sqlite'):,.0f}) |")
    if maria is not None:
        print(f"| `vismooc load` into MariaDB | {maria:.2f} ({best(size, 'load_mariadb'):.2f}) | {median(size, 'load_mariadb', 1):.2f} | | {median(size, 'load_mariadb', 2) / 1024:.0f} | {total / maria:,.0f} rows/s, {maria / hand:.2f}× the hand-run LOAD DATA |")
        print(f"| hand-run `LOAD DATA` (generated script, `mariadb` client) | {hand:.2f} ({best(size, 'load_data_by_hand'):.2f}) | | | | {total / hand:,.0f} rows/s |")
    print()
    print("| table | rows | rows/s (rows ÷ convert wall) |")
    print("|---|---:|---:|")
    for table in ["courses", "course_video", "videos", "enrollments", "forum", "grades", "users"]:
        print(f"| {table} | {counts[table]:,} | {counts[table] / wall:,.0f} |")
    print()

big, small = sizes[-1], sizes[0]
b = summary[big]
print(f"### Targets ({int(big):,} learners)\n")
print("| target | measured | |")
print("|---|---|---|")
mbs = b["mb"] / b["wall"]
def verdict(ok):
    return "met" if ok else "**missed**"
bmbs = b["mb"] / best(big, "convert")
print(f"| convert ≥ 320 MB/s of input (≥ 20× the old pipeline's 15.6 MB/s) | {mbs:,.0f} MB/s ({mbs / 15.6:.0f}×); best run {bmbs:,.0f} MB/s | {verdict(mbs >= 320)} |")
print(f"| convert ≤ 10× the copy floor | {b['wall'] / b['copy']:.1f}× ({b['wall']:.2f} s vs {b['copy']:.2f} s) | {verdict(b['wall'] / b['copy'] <= 10)} |")
print(f"| peak RSS ≤ 300 MiB | {b['rss']:.0f} MiB | {verdict(b['rss'] <= 300)} |")
if big != small:
    ratio = b["wall"] / summary[small]["wall"]
    scale = int(big) / int(small)
    print(f"| linear: the {int(big):,} run ≤ {1.1 * scale:.0f}× the {int(small):,} run | {ratio:.1f}× | {verdict(ratio <= 1.1 * scale)} |")
print(f"| both cores busy, output byte-identical to `--threads 1` | CPU/wall {b['cpu'] / b['wall']:.2f}, speed-up {b['wall1'] / b['wall']:.2f}×; bytes identical in every run | {verdict(b['cpu'] / b['wall'] >= 1.5)} |")
print(f"| SQLite load ≥ 500k rows/s | {b['total'] / b['sqlite']:,.0f} rows/s; best run {b['total'] / best(big, 'load_sqlite'):,.0f} | {verdict(b['total'] / b['sqlite'] >= 500_000)} |")
if b["maria"] is not None:
    print(f"| MariaDB load within 1.25× of hand-run LOAD DATA | {b['maria'] / b['hand']:.2f}× ({b['maria']:.2f} s vs {b['hand']:.2f} s) | {verdict(b['maria'] / b['hand'] <= 1.25)} |")

if ("logs", "convert_gz") in runs:
    # Tracking logs (issue 14): the log's share of a conversion is its time less the same package's without logs.
    plain_mb = input_bytes["logs"] / 1e6
    gz_mb = runs[("logs", "gz_bytes")][0][0] / 1e6
    clicks = int(runs[("logs", "click_rows")][0][0])
    floor, gz, plain, plain1, none = (median("logs", n, 0) for n in ["gzip_floor", "convert_gz", "convert_plain", "convert_plain_threads1", "convert_no_logs"])
    cpu_plain, cpu_plain1, cpu_none = (median("logs", n, 1) for n in ["convert_plain", "convert_plain_threads1", "convert_no_logs"])
    rss = max(median("logs", n, 2) for n in ["convert_gz", "convert_plain", "convert_plain_threads1"]) / 1024
    print(f"### Tracking logs ({plain_mb:,.0f} MB of log, {gz_mb:,.0f} MB as .log.gz, {clicks:,} click_events rows)\n")
    print("| what | wall s | CPU s | peak RSS MiB |")
    print("|---|---:|---:|---:|")
    print(f"| `gzip -dc` of the .log.gz files, two at a time (the floor) | {floor:.2f} | {median('logs', 'gzip_floor', 1):.2f} | |")
    for name, label in [("convert_gz", "convert --events (.log.gz)"), ("convert_plain", "convert --events (plain .log)"), ("convert_plain_threads1", "convert --events (plain .log) --threads 1"), ("convert_no_logs", "convert without logs (the seven tables)")]:
        print(f"| {label} | {median('logs', name, 0):.2f} ({best('logs', name):.2f}) | {median('logs', name, 1):.2f} | {median('logs', name, 2) / 1024:.0f} |")
    print()
    print("| target | measured | |")
    print("|---|---|---|")
    print(f"| .log.gz convert ≤ 1.5× the gzip -dc floor | {gz / floor:.2f}× ({gz:.2f} s vs {floor:.2f} s) | {verdict(gz / floor <= 1.5)} |")
    wall_rate = plain_mb / (plain - none)
    print(f"| plain logs ≥ 400 MB/s of log (wall, less the no-log run) | {wall_rate:,.0f} MB/s; CPU: {plain_mb / (cpu_plain - cpu_none):,.0f} MB/s per CPU-second, {plain_mb / (cpu_plain1 - cpu_none):,.0f} with --threads 1 | {verdict(wall_rate >= 400)} |")
    print(f"| peak RSS ≤ 300 MiB apart from the duplicate set (≤ 6.75 B per row + 5.25 MiB here: {(6.75 * clicks + 5.25 * 2**20) / 2**20:.1f} MiB) | {rss:.0f} MiB | {verdict(rss <= 300)} |")
    print("| click_events.csv identical for .log.gz, plain, --threads 1 and default | identical in every run | met |")
