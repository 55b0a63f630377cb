-- wrk script: replays the pre-signed webhooks of bench/webhook_requests.py, each exactly once.
-- The environment names the file (WEBHOOKS) and wrk's thread count (WRK_THREADS): thread i of n
-- sends lines i, i+n, ... and stops when its share is sent, so no webhook is a gateway's retry.
-- REPLAY_CYCLE=1 starts over instead, for a server that keeps nothing (the ceiling).
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
end

function init(args)
   local file = os.getenv("WEBHOOKS")
   if not file then error("set WEBHOOKS to a file written by bench/webhook_requests.py") end
   local n = tonumber(os.getenv("WRK_THREADS") or "1")
   cycle = os.getenv("REPLAY_CYCLE") == "1"
   queue = {}
   count = 0
   local i = 0
   for line in io.lines(file) do
      if i % n == id then
         local path, header, signature, content_type, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
         count = count + 1
         queue[count] = wrk.format("POST", path, {[header] = signature, ["Content-Type"] = content_type}, body)
      end
      i = i + 1
   end
   if count == 0 then error(file .. " has no line for thread " .. id) end
   next_request = 1
   last = queue[1]
end

function request()
   if next_request > count then
      if not cycle then
         wrk.thread:stop()
         return last  -- not sent: the thread is stopping
      end
      next_request = 1
   end
   local r = queue[next_request]
   if not cycle then queue[next_request] = nil end
   next_request = next_request + 1
   last = r
   return r
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d errors=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
