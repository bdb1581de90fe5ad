-- wrk script for plain requests (the URL and -H headers as given), and the report every bench/run row uses:
-- done() prints one line "BENCH {json}" with the exact figures, which bench/run reads.
-- Latencies are in microseconds; "non2xx" is wrk's count of HTTP status >= 400 (errors.status), and
-- "socket_errors" adds up connect, read, write and timeout errors.
-- The bearer token comes from the environment (BENCH_TOKEN), so that no command line shows it.

wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

function done(summary, latency, requests)
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'BENCH {"requests":%d,"duration_s":%.3f,"rps":%.1f,"mean_us":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
      '"max_us":%d,"non2xx":%d,"socket_errors":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"bytes":%d}\n',
      summary.requests, seconds, summary.requests / seconds, latency.mean,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
