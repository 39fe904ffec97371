-- wrk script: GET one console page again and again with a logged-in session.
--
--   BENCH_COOKIE='JSESSIONID=…' BENCH_PATH='/console/search?q=%E9%85%8D%E9%80%81' \
--     wrk -t2 -c2 -d10s --latency -s get.lua http://127.0.0.1:18080
--
-- A response other than 200 (a redirect to /login means the session was lost) is counted and
-- reported, never silently timed. done() prints one machine-readable BENCH_RESULT line.

local cookie = os.getenv("BENCH_COOKIE") or ""
local path = os.getenv("BENCH_PATH") or "/console/inquiries"

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

bad = 0

function request()
   return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept-Language"] = "ja" })
end

function response(status, headers, body)
   if status ~= 200 then
      bad = bad + 1
      if bad <= 3 then
         io.stderr:write(string.format("status %d for %s\n", status, path))
      end
   end
end

function done(summary, latency, requests)
   local bad_total = 0
   for _, t in ipairs(threads) do bad_total = bad_total + (t:get("bad") or 0) end
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format("BENCH_RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non200=%d socket_errors=%d\n",
      summary.requests, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, bad_total, e.connect + e.read + e.write + e.timeout))
end
