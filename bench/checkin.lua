-- wrk script: every request checks in a different ticket with a new nonce, as a door scanner uploads.
-- The tickets (one per line, prepared by bench/events.py) are shared out between wrk's threads.
local path = os.getenv("CHECKIN_TICKETS")
local token = os.getenv("CHECKIN_TOKEN") or ""
local run = os.getenv("CHECKIN_RUN") or "0"
local threads = 2
local thread_id = 0
local tickets = {}
local counter = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function(args)
  for line in io.lines(path) do tickets[#tickets + 1] = line end
end

request = function()
  counter = counter + 1
  -- Each run starts at its own block, each thread takes every other ticket: no ticket is scanned twice.
  local offset = tonumber(os.getenv("CHECKIN_OFFSET") or "0")
  local i = offset + (counter - 1) * threads + tid
  local ticket = tickets[(i - 1) % #tickets + 1]
  local body = string.format('{"scans":[{"nonce":"r%s-t%d-%d","token":"%s"}]}', run, tid, counter, ticket)
  return wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["X-Forwarded-Proto"] = "https",
  }, body)
end
