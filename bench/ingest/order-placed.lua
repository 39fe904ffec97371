-- wrk script: POST one unique order.placed event per request to /api/v1/events.
--
--   BENCH_API_KEY=<key> BENCH_RUN_ID=<unique per wrk run> \
--     wrk -t2 -c4 -d20s --latency -s order-placed.lua http://127.0.0.1:18080
--
-- Event ids, order numbers and emails are unique per request: run id + thread number + a
-- per-thread counter. The run id comes from BENCH_RUN_ID (run.sh passes one per wrk call)
-- or else os.time() plus a random suffix, so repeated runs against the same database do not
-- replay old ids (which the API would answer as duplicates, a much cheaper path).
-- done() prints p50/p99 and the non-2xx count, and one machine-readable BENCH_RESULT line.

local api_key = os.getenv("BENCH_API_KEY") or "change-me"
-- BENCH_DELAY_MS: a pause before each request of a connection (a steady rate instead of as fast as
-- possible; bench/faults/soak.sh uses it)
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if delay_ms then
   function delay()
      return delay_ms
   end
end
local path = os.getenv("BENCH_PATH") or "/api/v1/events"

local threads = {}
local next_thread = 0
local main_run_id -- chosen once in setup() (main Lua state), copied into each thread as run_id

function setup(thread)
   if main_run_id == nil then
      main_run_id = os.getenv("BENCH_RUN_ID")
      if main_run_id == nil or main_run_id == "" then
         math.randomseed(os.time())
         main_run_id = tostring(os.time()) .. string.format("%04d", math.random(0, 9999))
      end
   end
   next_thread = next_thread + 1
   thread:set("tid", next_thread)
   thread:set("run_id", main_run_id)
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state). Globals, not locals: done() reads
-- non2xx and statuses through thread:get, and setup() writes tid and run_id through thread:set.
counter = 0
non2xx = 0
statuses = {}
local headers = {
   ["Authorization"] = "Bearer " .. api_key,
   ["Content-Type"] = "application/json",
   ["Accept"] = "application/json",
}

local body_format = '{"id":"evt-%s","type":"order.placed","occurredAt":"2026-11-23T10:00:00+09:00",'
   .. '"order":{"number":"B-%s","currency":"JPY",'
   .. '"customer":{"email":"bench%s@example.jp","name":"山田 太郎"},'
   .. '"lines":[{"sku":"TS-001","name":"Tシャツ","quantity":1,"unitPrice":1800},'
   .. '{"sku":"MUG-02","name":"マグカップ","quantity":2,"unitPrice":1200},'
   .. '{"sku":"BAG-03","name":"トートバッグ","quantity":1,"unitPrice":3500}],'
   .. '"shipping":{"discreet":false,"postalCode":"150-0001","prefecture":"東京都","address":"渋谷区神宮前1-2-3"}}}'

function request()
   counter = counter + 1
   local u = run_id .. "-" .. tid .. "-" .. counter
   return wrk.format("POST", path, headers, string.format(body_format, u, u, u))
end

function response(status, hdrs, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      statuses[status] = (statuses[status] or 0) + 1
      if non2xx <= 3 then
         io.stderr:write(string.format("non-2xx %d: %s\n", status, string.sub(body or "", 1, 300)))
      end
   end
end

function done(summary, latency, requests)
   local non2xx_total, by_status = 0, {}
   for _, t in ipairs(threads) do
      non2xx_total = non2xx_total + (t:get("non2xx") or 0)
      local s = t:get("statuses")
      if s then
         for code, n in pairs(s) do by_status[code] = (by_status[code] or 0) + n end
      end
   end
   local secs = summary.duration / 1e6
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local p50 = latency:percentile(50) / 1000
   local p99 = latency:percentile(99) / 1000
   local rps = summary.requests / secs
   local codes = {}
   for code, n in pairs(by_status) do table.insert(codes, code .. "=" .. n) end
   table.sort(codes)
   io.write("------------------------------------------------------------\n")
   io.write(string.format("requests: %d in %.1fs = %.1f req/s\n", summary.requests, secs, rps))
   io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
      p50, latency:percentile(90) / 1000, p99, latency.max / 1000))
   io.write(string.format("non-2xx: %d %s; socket errors: %d (connect %d, read %d, write %d, timeout %d)\n",
      non2xx_total, table.concat(codes, ","), socket_errors, e.connect, e.read, e.write, e.timeout))
   io.write(string.format("BENCH_RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
      summary.requests, rps, p50, p99, non2xx_total, socket_errors))
end
