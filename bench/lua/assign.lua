-- wrk script: POST {base}/{id}/assign, the id picked at random per request from a file of seeded script ids.
-- usage: wrk ... -s bench/lua/assign.lua http://HOST:PORT/beta/deviceManagement/deviceManagementScripts \
--            -- IDS_FILE TARGETS
-- Each body names TARGETS group targets (distinct group GUIDs); each thread prebuilds a few bodies, so that
-- consecutive assigns to one script change its set, and picks one per request.
dofile("bench/lua/report.lua")

local BODIES = 8
local ids, bodies, base = {}, {}, nil

local function body(targets, variant)
   local items = {}
   for t = 1, targets do
      items[t] = string.format(
         '{"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"%08x-%04x-4000-8000-%012x"}}',
         variant, t % 65536, t)
   end
   return '{"deviceManagementScriptAssignments":[' .. table.concat(items, ",") .. ']}'
end

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then ids[#ids + 1] = line end
   end
   local targets = tonumber(args[2])
   -- every thread has its own Lua state: a table's address tells them apart
   local address = tonumber(tostring({}):match("0x(%x+)") or "0", 16)
   math.randomseed(os.time() + address % 1000003)
   for v = 1, BODIES do
      bodies[v] = body(targets, math.random(0, 0x7fffffff))
   end
   base = wrk.path
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local id = ids[math.random(#ids)]
   return wrk.format("POST", base .. "/" .. id .. "/assign", nil, bodies[math.random(BODIES)])
end
