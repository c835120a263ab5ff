-- wrk script: one POST /api/v1/messages per request, each to a different Omani mobile number.
dofile("bench/common.lua")

function request()
  local body = '{"to":"' .. next_number() .. '","text":"Your visa application is approved. Ref ' .. counter ..
               '","reference":"bench-single"}'
  return wrk.format("POST", "/api/v1/messages", headers(), body)
end

function response(status, headers, body)
  if status ~= 202 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
