#!/usr/bin/env python3
"""Where the server's CPU time went during a bench/run --profile: the top frames of JFR's execution samples.

usage: jfr_top.py [--row KEY] [--top N] [JFR_FILE] [RESULTS_JSON]
  JFR_FILE      default bench/results/latest.jfr
  RESULTS_JSON  default bench/results/latest.json; with --row, only the samples taken while that row was measured
                (KEY: a, b, c, d, e1k, e100k)

Prints, by share of samples: the top frames (self time), the project's own methods on the stack (inclusive), and
the library each sample was in (the top frame's package, first three parts).
"""
import argparse
import collections
import datetime
import json
import subprocess


def frame_name(frame):
    method = frame["method"]
    return "%s.%s" % (method["type"]["name"].replace("/", "."), method["name"])


def epoch_ms(timestamp):
    # "2026-11-28T13:21:46.644964794Z": trim nanoseconds to microseconds for fromisoformat
    date, fraction = timestamp.rstrip("Z").split(".") if "." in timestamp else (timestamp.rstrip("Z"), "0")
    parsed = datetime.datetime.fromisoformat(date + "." + fraction[:6].ljust(6, "0"))
    return parsed.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("jfr", nargs="?", default="bench/results/latest.jfr")
    p.add_argument("results", nargs="?", default="bench/results/latest.json")
    p.add_argument("--row")
    p.add_argument("--top", type=int, default=20)
    a = p.parse_args()

    window = None
    if a.row:
        with open(a.results) as f:
            window = json.load(f)["rows"][a.row]["window_ms"]
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", a.jfr],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]

    self_time, inclusive, library = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in events:
        values = event["values"]
        if window and not window[0] <= epoch_ms(values["startTime"]) <= window[1]:
            continue
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = [frame_name(f) for f in frames]
        self_time[names[0]] += 1
        for name in set(names):
            if name.startswith("dev.devicescripts."):
                inclusive[name] += 1
        library[".".join(names[0].split(".")[:3])] += 1

    print("%d execution samples%s" % (total, " while row %s ran" % a.row if a.row else ""))
    for title, counter in (("top frames (self)", self_time), ("project methods on the stack (inclusive)", inclusive),
                           ("library of the top frame", library)):
        print("\n" + title)
        for name, count in counter.most_common(a.top):
            print("  %5.1f%%  %s" % (100.0 * count / max(total, 1), name))


if __name__ == "__main__":
    main()
