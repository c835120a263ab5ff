-- wrk script: POST /api/v1/messages/batch with RISALA_BENCH_BATCH (default 1000) messages per request.
dofile("bench/common.lua")
local size = tonumber(os.getenv("RISALA_BENCH_BATCH") or "1000")

function request()
  local items = {}
  for i = 1, size do
    items[i] = '{"to":"' .. next_number() .. '","text":"Registration of your vehicle expires soon. Ref ' .. counter ..
               '","priority":"bulk"}'
  end
  return wrk.format("POST", "/api/v1/messages/batch", headers(), '{"messages":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
