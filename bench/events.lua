-- wrk script: POST /api/v1/events with RISALA_BENCH_EVENTS (default 1000) violation events per request, each for a
-- plate RISALA_BENCH_PLATES (default 900000) seeded plates hold one subscription to: '10000BX', '10001BX', …
dofile("bench/common.lua")
local size = tonumber(os.getenv("RISALA_BENCH_EVENTS") or "1000")
local plates = tonumber(os.getenv("RISALA_BENCH_PLATES") or "900000")
-- event ids are unique per run (RISALA_BENCH_RUN) and thread, so no phase repeats another's events
local run = os.getenv("RISALA_BENCH_RUN") or "0"

function request()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    items[i] = '{"id":"bench-' .. run .. '-' .. tid .. '-' .. counter .. '","type":"violation","key":"' ..
               (10000 + (counter * 7919) % plates) .. 'BX","occurredAt":"2026-12-01T08:00:00Z",' ..
               '"data":{"amount":"15 OMR","place":"Muscat Expressway"}}'
  end
  return wrk.format("POST", "/api/v1/events", headers(), '{"events":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end
