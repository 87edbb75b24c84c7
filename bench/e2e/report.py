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
