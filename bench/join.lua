-- wrk script: every request joins with a new, checksum-valid resident ID number.
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = "10X98765432"
-- Each wrk run of one bench (warm-up, rounds) starts at its own block of numbers: a repeat would take the
-- already-a-member path instead of joining.
local counter = (tonumber(os.getenv("JOIN_RUN")) or 0) * 1000000
local thread_id = 0
local org_code = os.getenv("JOIN_ORG") or "bench-join"

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

local function id_number(n)
  local days = math.floor(n / 1000)
  local year = 1970 + math.floor(days / 336)
  local month = 1 + math.floor((days % 336) / 28)
  local day = 1 + days % 28
  local first17 = string.format("610%03d%04d%02d%02d%03d", tid * 10 + 3, year, month, day, n % 1000)
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(first17:sub(i, i)) * weights[i] end
  local idx = sum % 11 + 1
  return first17 .. checks:sub(idx, idx)
end

-- Names vary (20 surnames x 30 x 30 given-name characters = 18,000), so the server's pinyin cache
-- does not answer every request.
local surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"}
local given = {"建", "国", "志", "强", "秀", "英", "海", "燕", "立", "新", "保", "柱", "晓", "峰", "春",
               "梅", "庆", "红", "霞", "明", "华", "军", "平", "伟", "芳", "娟", "敏", "静", "丽", "勇"}

local function name(n)
  return surnames[n % 20 + 1] .. given[math.floor(n / 20) % 30 + 1] .. given[math.floor(n / 600) % 30 + 1]
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"org_code":"%s","name":"%s","id_number":"%s","mobile":"13%09d","employment_form":"courier","consent":true}',
    org_code, name(counter * 7 + tid), id_number(counter), (tid * 10000000 + counter) % 1000000000)
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json", ["X-Forwarded-Proto"] = "https"}, body)
end
