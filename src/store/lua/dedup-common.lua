-- Shared helpers for the dedup index scripts (prepended to each script at load time).
-- Keys are built inside the scripts from the prefix: the index runs on one Redis node (not Cluster).
local prefix = ARGV[1]

-- Generation of an article number: generation g holds G0·2^g articles, so the shard count of each
-- generation can grow with it and every shard stays a small listpack-encoded hash.
local function generation(num, G0)
  local g = 0
  local limit = G0
  while num >= limit do
    g = g + 1
    limit = limit + G0 * (2 ^ g)
  end
  return g
end

local function bucketKey(g, shardHash, S0)
  return prefix .. ':b:' .. g .. ':' .. string.format('%d', shardHash % (S0 * (2 ^ g)))
end

-- Fixed-size slots live in block strings that are created at their full size: growing a string
-- with SETRANGE would make Redis reserve twice what it needs.
local function block(key, size)
  if redis.call('EXISTS', key) == 0 then redis.call('SET', key, string.rep('\0', size)) end
  return key
end

local function metaBlock(num, slotSize)
  return block(prefix .. ':m:' .. math.floor(num / 256), 256 * slotSize)
end

-- Union-find parents: 4 bytes per article (num + 1; 0 means "not set") in strings of 1024 slots.
local function parentOf(num)
  local slot = num % 1024
  local raw = redis.call('GETRANGE', prefix .. ':p:' .. math.floor(num / 1024), slot * 4, slot * 4 + 3)
  if #raw < 4 then return num end
  local value = struct.unpack('<I4', raw)
  if value == 0 then return num end
  return value - 1
end

local function setParent(num, parent)
  local slot = num % 1024
  redis.call('SETRANGE', block(prefix .. ':p:' .. math.floor(num / 1024), 4096), slot * 4, struct.pack('<I4', parent + 1))
end

local function findRoot(num, compress)
  local root = num
  while true do
    local up = parentOf(root)
    if up == root then break end
    root = up
  end
  if compress then
    local current = num
    while current ~= root do
      local up = parentOf(current)
      setParent(current, root)
      current = up
    end
  end
  return root
end

-- The article id (8 raw bytes) at the start of its metadata slot.
local function idOf(num, slotSize)
  local slot = num % 256
  return redis.call('GETRANGE', prefix .. ':m:' .. math.floor(num / 256), slot * slotSize, slot * slotSize + 7)
end

-- Byte-wise "a < b" (Lua's own string order follows the C locale's collation).
local function bytesLess(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

local function storyKey(root)
  return prefix .. ':s:' .. root
end

-- A story's members (4 bytes each) live in their own string, so that an article joining a big story
-- APPENDs its 4 bytes instead of rewriting the whole list. Indexes written before kept the list in
-- the story hash's field 'm': still read.
local function membersKey(root)
  return prefix .. ':s:' .. root .. ':m'
end

local function membersOf(root)
  local raw = redis.call('GET', membersKey(root))
  if raw then return raw end
  raw = redis.call('HGET', storyKey(root), 'm')
  if not raw then return struct.pack('<I4', root) end
  return raw
end

local function storySize(root)
  local length = redis.call('STRLEN', membersKey(root))
  if length == 0 then length = redis.call('HSTRLEN', storyKey(root), 'm') end
  if length == 0 then return 1 end
  return length / 4
end
