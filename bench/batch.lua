-- wrk script: POST /api/v1/messages/batch with BATCH messages per request.
local size = tonumber(os.getenv("RISALA_BENCH_BATCH") or "1000")
local key = os.getenv("RISALA_BENCH_KEY") or "rsl_live_bench_key_0123456789"
local thread_id = 0
local counter = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  counter = tid * 10000000
end

function request()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    items[i] = '{"to":"' .. string.format("+96891%06d", counter % 1000000) ..
               '","text":"Registration of your vehicle expires soon. Ref ' .. counter .. '","priority":"bulk"}'
  end
  local body = '{"messages":[' .. table.concat(items, ",") .. ']}'
  return wrk.format("POST", "/api/v1/messages/batch",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
