-- wrk script: every request records one sale at a 特惠商户's till, as a cashier's phone or till posts it:
-- a different member's e-card each time, a new idempotency key, one of the tills' tokens in turn.
local path = os.getenv("REDEEM_CARDS")
local tills = {}
for t in string.gmatch(os.getenv("REDEEM_TILLS") or "", "[^,]+") do tills[#tills + 1] = t end
local run = os.getenv("REDEEM_RUN") or "0"
local threads = 2
local thread_id = 0
local cards = {}
local counter = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function(args)
  for line in io.lines(path) do cards[#cards + 1] = line end
end

request = function()
  counter = counter + 1
  local offset = tonumber(os.getenv("REDEEM_OFFSET") or "0")
  local i = offset + (counter - 1) * threads + tid
  local card = cards[(i - 1) % #cards + 1]
  local till = tills[(i - 1) % #tills + 1]
  local amount = 20 + (i % 480)
  local body = string.format('{"token":"%s","amount":"%d.50","key":"bench-r%s-t%d-%06d"}', card, amount, run, tid, counter)
  return wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. till,
    ["X-Forwarded-Proto"] = "https",
  }, body)
end
