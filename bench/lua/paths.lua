-- wrk script: GET a path picked at random per request from a file of paths (one a line, query included).
-- usage: wrk ... -s bench/lua/paths.lua http://HOST:PORT -- PATHS_FILE
dofile("bench/lua/report.lua")

local paths = {}

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then paths[#paths + 1] = line end
   end
   local address = tonumber(tostring({}):match("0x(%x+)") or "0", 16)
   math.randomseed(os.time() + address % 1000003)
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end
