-- shared by the wrk scripts: the API key, and a distinct range of numbers for each wrk thread
key = os.getenv("RISALA_BENCH_KEY") or "rsl_live_bench_key_0123456789"
counter = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  counter = tid * 100000
end

-- an Omantel-range mobile number for the next message
function next_number()
  counter = counter + 1
  return string.format("+96891%06d", counter % 1000000)
end

function headers()
  return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }
end
