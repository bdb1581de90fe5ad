#!/usr/bin/env python3
"""Seeds scripts through the API, fast: several processes, each with a few threads on keep-alive connections.

usage: BENCH_TOKEN=... seed.py BASE_URL COUNT [--start N] [--ids FILE] [--processes P] [--threads T]

Creates COUNT scripts named 'bench NNNNNNN' (numbered from --start) with POST BASE_URL and, with --ids, writes their
ids to FILE, one a line. Prints what it did and how fast on stderr; exits 1 if any create failed.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import sys
import threading
import time
import urllib.parse

CONTENT = "V3JpdGUtT3V0cHV0ICdoZWxsbyc="  # Write-Output 'hello'


def create_range(base_url, token, numbers):
    """Creates one script per number over one keep-alive connection; returns (ids, failures)."""
    url = urllib.parse.urlsplit(base_url)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    ids, failures = [], []
    for n in numbers:
        body = json.dumps({"displayName": "bench %07d" % n, "fileName": "bench.ps1", "scriptContent": CONTENT})
        try:
            conn.request("POST", url.path, body, headers)
            response = conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as e:
            failures.append("%d: %s" % (n, e))
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            continue
        if response.status == 201:
            ids.append(json.loads(payload)["id"])
        else:
            failures.append("%d: HTTP %d %s" % (n, response.status, payload[:200]))
    conn.close()
    return ids, failures


def process_chunk(args):
    """One process: its numbers split over threads."""
    base_url, token, numbers, threads = args
    results = [None] * threads
    def work(i):
        results[i] = create_range(base_url, token, numbers[i::threads])
    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    ids = [i for r in results for i in r[0]]
    failures = [f for r in results for f in r[1]]
    return ids, failures


def main():
    p = argparse.ArgumentParser(description="Seed scripts through the API.")
    p.add_argument("base_url")
    p.add_argument("count", type=int)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--ids")
    p.add_argument("--processes", type=int, default=4)
    p.add_argument("--threads", type=int, default=4)
    a = p.parse_args()
    # From the environment, not the command line, where anyone on the machine could read it (ps).
    token = os.environ["BENCH_TOKEN"]

    numbers = list(range(a.start, a.start + a.count))
    chunks = [(a.base_url, token, numbers[i::a.processes], a.threads) for i in range(a.processes)]
    began = time.monotonic()
    with multiprocessing.Pool(a.processes) as pool:
        results = pool.map(process_chunk, chunks)
    elapsed = time.monotonic() - began
    ids = [i for r in results for i in r[0]]
    failures = [f for r in results for f in r[1]]
    if a.ids:
        with open(a.ids, "w") as f:
            f.write("".join(i + "\n" for i in ids))
    print("seeded %d scripts in %.1f s (%.0f/s), %d failed" % (len(ids), elapsed, len(ids) / max(elapsed, 1e-9),
                                                                len(failures)), file=sys.stderr)
    for f in failures[:5]:
        print("  " + f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
