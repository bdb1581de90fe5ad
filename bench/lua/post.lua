-- wrk script: POST one JSON body, read from a file, to the target URL on every request.
-- usage: wrk ... -s bench/lua/post.lua http://HOST:PORT/PATH -- BODY_FILE
dofile("bench/lua/report.lua")

local body

function init(args)
   local file = assert(io.open(args[1], "rb"))
   body = file:read("*a")
   file:close()
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   return wrk.format("POST", wrk.path, nil, body)
end
