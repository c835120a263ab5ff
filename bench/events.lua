-- wrk script: POST /api/v1/events with RISALA_BENCH_EVENTS (default 1000) violation events per request, each for a
-- plate of which one subscription is seeded (bench/subscriptions): plate n of 900,000 is 10000 + n % 90000 followed
-- by B and the letter n / 90000 (10000BA … 99999BJ)
dofile("bench/common.lua")
local size = tonumber(os.getenv("RISALA_BENCH_EVENTS") or "1000")
local plates = 900000
-- event ids are unique per run (RISALA_BENCH_RUN) and thread, so no phase repeats another's events
local run = os.getenv("RISALA_BENCH_RUN") or "0"

function request()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    local n = (counter * 7919) % plates
    items[i] = '{"id":"bench-' .. run .. '-' .. tid .. '-' .. counter .. '","type":"violation","key":"' ..
               (10000 + n % 90000) .. 'B' .. string.char(65 + math.floor(n / 90000)) ..
               '","occurredAt":"2026-12-01T08:00:00Z",' ..
               '"data":{"amount":"15 OMR","place":"Muscat Expressway"}}'
  end
  return wrk.format("POST", "/api/v1/events", headers(), '{"events":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end
