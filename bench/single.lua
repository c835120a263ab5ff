-- wrk script: one POST /api/v1/messages per request, each to a different Omani mobile number.
local counter = 0
local thread_id = 0
local key = os.getenv("RISALA_BENCH_KEY") or "rsl_live_bench_key_0123456789"

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  counter = tid * 10000000
end

function request()
  counter = counter + 1
  local number = string.format("+96891%06d", counter % 1000000)
  local body = '{"to":"' .. number .. '","text":"Your visa application is approved. Ref ' .. counter ..
               '","reference":"bench-single"}'
  return wrk.format("POST", "/api/v1/messages",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }, body)
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
