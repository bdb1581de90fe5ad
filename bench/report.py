#!/usr/bin/env python3
"""Turns one bench/run into a table on stdout and a JSON file, and checks the targets.

usage: report.py RUN_DIR OUT_JSON

RUN_DIR holds meta.json (written by bench/run) and rows/KEY.json, one per row: the "BENCH {...}" line that
bench/lua/report.lua printed. A row without its file failed to run. Exits 1 if any target failed.
"""
import json
import os
import sys

ROWS = [
    ("a", "(a) GET /healthz"),
    ("b", "(b) assign 10 targets, 1,000 scripts"),
    ("c", "(c) assign 1,000 targets, 1,000 scripts"),
    ("d", "(d) GET script ?$expand=assignments"),
    ("e1k", "(e) $filter page of 100, 1,000 scripts"),
    ("e100k", "(e) $filter page of 100, 100,000 scripts"),
    ("g1k", "(g) group by displayName, 1k directory"),
    ("g100k", "(g) group by displayName, 100k directory"),
    ("t1k", "(t) device transitiveMemberOf, 1k"),
    ("t100k", "(t) device transitiveMemberOf, 100k"),
    ("m1k", "(m) managedDevices page of 100, 1k"),
    ("m100k", "(m) managedDevices page of 100, 100k"),
    ("p1k", "(p) filter preview first page, 1k"),
    ("p100k", "(p) filter preview first page, 100k"),
    ("s1k", "(s) effectiveScripts() of a device, 1k"),
    ("s100k", "(s) effectiveScripts() of a device, 100k"),
    ("w1k", "(w) effectiveTargets() All devices, 1k"),
    ("w100k", "(w) effectiveTargets() All devices, 100k"),
    ("h10k", "(h) history of one script, 10k entries"),
    ("h1m", "(h) history of one script, 1M entries"),
    ("base_b", "(b) on the baseline jar"),
    ("base_a", "(a) on the baseline jar"),
    ("pg_b", "(b) on PostgreSQL, 1,000 scripts"),
    ("pg_e1k", "(e) on PostgreSQL, 1,000 scripts"),
]
POSTGRES_ROWS = ("pg_b", "pg_e1k")


def skipped(key, meta):
    """Why a row did not run by design, or None."""
    if key in ("e100k", "g100k", "t100k", "m100k", "p100k", "s100k", "w100k", "h1m") and meta.get("quick"):
        return "skipped (--quick)"
    if key in POSTGRES_ROWS and not meta.get("postgres"):
        return "skipped (no --postgres)"
    if key in ("base_b", "base_a") and not meta.get("baseline_jar"):
        return "skipped (no --baseline-jar)"
    return None


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def ms(us):
    return us / 1000.0


# (b) against (a): 0.5 was the first target; issue 12 asked that hardening keep it at 0.55 or above.
B_OVER_A = 0.55
# The directory's rows at 100k against 1k; effective targeting (issue 16) may cost up to 3 x, since a device's
# answer walks more groups and a page of All devices reads a larger tenant's devices.
SCALE_RATIOS = (("g1k", "g100k", "(g)", 2), ("t1k", "t100k", "(t)", 2), ("m1k", "m100k", "(m)", 2),
                ("p1k", "p100k", "(p)", 2), ("s1k", "s100k", "(s)", 3), ("w1k", "w100k", "(w)", 3))


def targets(rows, meta):
    """Each target: (name, True/False/None for not measured, what was measured)."""
    # a row that got no response at all has no latency to compare
    a, b, c, e1, e2 = (rows.get(k) if rows.get(k, {}).get("requests") else None
                       for k in ("a", "b", "c", "e1k", "e100k"))
    out = []
    if a and b and a["non2xx"] + a["socket_errors"] > 0:
        out.append(("(b) throughput >= %.2f x (a)" % B_OVER_A, None, "not comparable: (a) answered %d errors (%.0f vs %.0f req/s)"
                    % (a["non2xx"] + a["socket_errors"], b["rps"], a["rps"])))
    elif a and b:
        out.append(("(b) throughput >= %.2f x (a)" % B_OVER_A, b["rps"] >= B_OVER_A * a["rps"],
                    "%.0f req/s vs %.2f x %.0f = %.0f" % (b["rps"], B_OVER_A, a["rps"], B_OVER_A * a["rps"])))
    else:
        out.append(("(b) throughput >= %.2f x (a)" % B_OVER_A, False, "no responses"))
    if b:
        out.append(("(b) p99 <= 20 ms", ms(b["p99_us"]) <= 20, "%.2f ms" % ms(b["p99_us"])))
    else:
        out.append(("(b) p99 <= 20 ms", False, "no responses"))
    if b and c:
        out.append(("(c) p50 <= 25 x (b) p50", c["p50_us"] <= 25 * b["p50_us"],
                    "%.2f ms vs 25 x %.2f = %.2f ms" % (ms(c["p50_us"]), ms(b["p50_us"]), 25 * ms(b["p50_us"]))))
    else:
        out.append(("(c) p50 <= 25 x (b) p50", False, "no responses"))
    if meta.get("quick"):
        out.append(("(e) p50 at 100,000 <= 2 x at 1,000", None, "skipped (--quick)"))
    elif e1 and e2:
        out.append(("(e) p50 at 100,000 <= 2 x at 1,000", e2["p50_us"] <= 2 * e1["p50_us"],
                    "%.2f ms vs 2 x %.2f = %.2f ms (req/s %.0f vs %.0f)"
                    % (ms(e2["p50_us"]), ms(e1["p50_us"]), 2 * ms(e1["p50_us"]), e2["rps"], e1["rps"])))
    else:
        out.append(("(e) p50 at 100,000 <= 2 x at 1,000", False, "no responses"))
    base_a, base_b = (rows.get(k) if rows.get(k, {}).get("requests") else None for k in ("base_a", "base_b"))
    if a and b and base_a and base_b:
        out.append(("(b)/(a) with and without auditing", None, "%.2f on this jar, %.2f on the baseline jar %s"
                    % (b["rps"] / a["rps"], base_b["rps"] / base_a["rps"], meta.get("baseline_jar"))))
    for small, large, name, ratio in SCALE_RATIOS:
        target = "%s p50 at 100k <= %d x at 1k" % (name, ratio)
        s1, s2 = (rows.get(k) if rows.get(k, {}).get("requests") else None for k in (small, large))
        if meta.get("quick"):
            out.append((target, None, "skipped (--quick)"))
        elif s1 and s2:
            out.append((target, s2["p50_us"] <= ratio * s1["p50_us"],
                        "%.2f ms vs %d x %.2f = %.2f ms, %.2f x (req/s %.0f vs %.0f)"
                        % (ms(s2["p50_us"]), ratio, ms(s1["p50_us"]), ratio * ms(s1["p50_us"]),
                           s2["p50_us"] / max(s1["p50_us"], 1), s2["rps"], s1["rps"])))
        else:
            out.append((target, False, "no responses"))
    h1, h2 = (rows.get(k) if rows.get(k, {}).get("requests") else None for k in ("h10k", "h1m"))
    target = "(h) p50 at 1M entries <= 2 x at 10k"
    if meta.get("quick"):
        out.append((target, None, "skipped (--quick)"))
    elif h1 and h2:
        out.append((target, h2["p50_us"] <= 2 * h1["p50_us"], "%.2f ms vs 2 x %.2f = %.2f ms, %.2f x (req/s %.0f vs %.0f)"
                    % (ms(h2["p50_us"]), ms(h1["p50_us"]), 2 * ms(h1["p50_us"]), h2["p50_us"] / max(h1["p50_us"], 1),
                       h2["rps"], h1["rps"])))
    else:
        out.append((target, False, "no responses"))
    errors = sum(r["non2xx"] + r["socket_errors"] for r in rows.values())
    missing = [k for k, _ in ROWS if not rows.get(k, {}).get("requests") and not skipped(k, meta)]
    out.append(("no errors", errors == 0 and not missing,
                "%d non-2xx/socket errors%s" % (errors, ", rows without a response: " + " ".join(missing) if missing else "")))
    oom = meta.get("oom") or not meta.get("alive_at_end")
    out.append(("no OOM", not oom, "OutOfMemoryError in log: %s, alive at end: %s"
                % ("yes" if meta.get("oom") else "no", "yes" if meta.get("alive_at_end") else "no")))
    return out


def main():
    run_dir, out_json = sys.argv[1], sys.argv[2]
    meta = load(os.path.join(run_dir, "meta.json")) or {}
    rows = {}
    for key, _ in ROWS:
        row = load(os.path.join(run_dir, "rows", key + ".json"))
        if row:
            row["window_ms"] = load(os.path.join(run_dir, "rows", key + ".window"))  # for bench/jfr_top.py --row
            rows[key] = row
    checks = targets(rows, meta)

    print()
    print("%-42s %9s %9s %9s %8s %8s" % ("row", "req/s", "p50 ms", "p99 ms", "non2xx", "sockerr"))
    for key, label in ROWS:
        r = rows.get(key)
        if r:
            print("%-42s %9.0f %9.2f %9.2f %8d %8d" % (label, r["rps"], ms(r["p50_us"]), ms(r["p99_us"]),
                                                       r["non2xx"], r["socket_errors"]))
        elif skipped(key, meta):
            print("%-42s %9s" % (label, skipped(key, meta)))
        else:
            print("%-42s %9s" % (label, "did not run"))
    print()
    print("time to healthy: %s ms; peak RSS (VmHWM): %s MiB; -Xmx256m"
          % (meta.get("time_to_healthy_ms"), "%.1f" % (meta["peak_rss_kib"] / 1024) if meta.get("peak_rss_kib")
             else "?"))
    if meta.get("directory_seed_ms"):
        print("seeding the 100k directory (seed command, -Xmx256m): %.1f s, peak RSS %s MiB"
              % (meta["directory_seed_ms"] / 1000.0, "%.1f" % (meta["directory_seed_peak_kib"] / 1024)))
    if meta.get("audit_seed_ms"):
        print("adding 990,000 audit entries to the H2 file (RunScript, -Xmx256m): %.1f s, peak RSS %.1f MiB; "
              "H2 file then %.0f MiB" % (meta["audit_seed_ms"] / 1000.0, meta["audit_seed_peak_kib"] / 1024,
                                        meta["audit_h2_bytes"] / 2 ** 20))
    print("load average (1 min) before: %s, after: %s on %s cores" % (meta.get("loadavg_before"),
                                                                      meta.get("loadavg_after"), meta.get("cores")))
    print("%s connections, %s threads, %s s per row after %s s warm-up%s; commit %s"
          % (meta.get("connections"), meta.get("threads"), meta.get("duration_s"), meta.get("warmup_s"),
             ", JVM warmed by every row's load for %s s first" % meta["jvm_warmup_s"]
             if meta.get("jvm_warmup_s") else "", meta.get("commit")))
    print()
    print("targets:")
    for name, ok, detail in checks:
        print("  %-5s %-36s %s" % ({True: "PASS", False: "FAIL", None: "n/a"}[ok], name, detail))

    result = dict(meta)
    result["rows"] = {key: dict(rows[key], label=label) for key, label in ROWS if key in rows}
    result["targets"] = [{"name": n, "pass": ok, "detail": d} for n, ok, d in checks]
    os.makedirs(os.path.dirname(os.path.abspath(out_json)), exist_ok=True)
    with open(out_json, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print()
    print("written: " + out_json)
    sys.exit(1 if any(ok is False for _, ok, _ in checks) else 0)


if __name__ == "__main__":
    main()
