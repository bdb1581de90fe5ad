#!/usr/bin/env python3
"""Assigns seeded scripts to a bench/directory.py tenant, for the effective targeting rows (docs/benchmark.md).

usage: BENCH_TOKEN=... targeting.py BASE_URL IDS_FILE --groups N [--all-devices FILE] [--seed S] [--threads T]

Each script of IDS_FILE (written by seed.py --ids) but the first gets 1 to 100 targets, drawn with a fixed random
seed: include groups of the tenant (group n is 00000002-0000-4000-8000-<n as 12 hex digits>), about one in ten an
exclusion of another group, and in about one script in twenty All devices or All licensed users among them. The
first script is assigned to All devices only; with --all-devices its id is written to FILE. Prints what it did on
stderr; exits 1 if any assign failed.
"""
import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse

MAX_TARGETS = 100


def group_id(n):
    return "00000002-0000-4000-8000-%012x" % n


def target(kind, group=None):
    body = {"@odata.type": "#microsoft.graph." + kind}
    if group is not None:
        body["groupId"] = group_id(group)
    return {"target": body}


def assignments(rng, groups):
    """One script's set: distinct groups, since Graph refuses a group both included and excluded."""
    count = rng.randint(1, min(MAX_TARGETS, groups))
    picked = rng.sample(range(groups), count)
    items = [target("exclusionGroupAssignmentTarget" if rng.random() < 0.1 else "groupAssignmentTarget", g)
             for g in picked]
    if rng.random() < 0.05:
        items[0] = target(rng.choice(["allDevicesAssignmentTarget", "allLicensedUsersAssignmentTarget"]))
    return items


def assign_all(base_url, token, bodies, failures):
    """Posts (script id, body) pairs over one keep-alive connection."""
    url = urllib.parse.urlsplit(base_url)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    for script, body in bodies:
        try:
            conn.request("POST", "%s/%s/assign" % (url.path, script), body, headers)
            response = conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as e:
            failures.append("%s: %s" % (script, e))
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            continue
        if response.status != 204:
            failures.append("%s: HTTP %d %s" % (script, response.status, payload[:200]))
    conn.close()


def main():
    p = argparse.ArgumentParser(description="Assign seeded scripts to a synthetic directory's groups.")
    p.add_argument("base_url")
    p.add_argument("ids_file")
    p.add_argument("--groups", type=int, required=True)
    p.add_argument("--all-devices")
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--threads", type=int, default=4)
    a = p.parse_args()
    token = os.environ["BENCH_TOKEN"]  # not on the command line, where ps shows it

    with open(a.ids_file) as f:
        ids = [line.strip() for line in f if line.strip()]
    rng = random.Random(a.seed)
    bodies = [(ids[0], [target("allDevicesAssignmentTarget")])]
    bodies += [(script, assignments(rng, a.groups)) for script in ids[1:]]
    targets = sum(len(b) for _, b in bodies)
    bodies = [(script, json.dumps({"deviceManagementScriptAssignments": b})) for script, b in bodies]

    failures = []
    began = time.monotonic()
    workers = [threading.Thread(target=assign_all, args=(a.base_url, token, bodies[i::a.threads], failures))
               for i in range(a.threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if a.all_devices:
        with open(a.all_devices, "w") as f:
            f.write(ids[0] + "\n")
    print("assigned %d scripts, %d targets, in %.1f s, %d failed"
          % (len(bodies), targets, time.monotonic() - began, len(failures)), file=sys.stderr)
    for f in failures[:5]:
        print("  " + f, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
