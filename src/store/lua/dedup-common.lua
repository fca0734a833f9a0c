-- Shared helpers for the dedup index scripts (prepended to each script at load time).
-- Keys are built inside the scripts from the prefix: the index runs on one Redis node (not Cluster).
local prefix = ARGV[1]

-- The bucket shards form one table grown by linear hashing (Litwin 1980): shards split one at a
-- time, in order, as entries arrive, so a lookup reads exactly one shard at any index size (the
-- layout before format 5 kept one table per "generation" and read every one of them: a cost, and
-- per-generation caps, that grew with the logarithm of the index), and every shard stays a small
-- listpack-encoded hash. An entry's address comes from a virtual key: its shard hash modulo the
-- table's base (S0 shards) below the 24 bits of its field, which the field itself keeps, so a split
-- can tell where each field goes without knowing anything else of its entry.
-- State in `lh`: L (the round: S0·2^L shards at its start), p (the next shard to split), e (fields).
local function tableState()
  local raw = redis.call('HMGET', prefix .. ':lh', 'L', 'p', 'e')
  return tonumber(raw[1] or '0'), tonumber(raw[2] or '0'), tonumber(raw[3] or '0')
end

local function shardAddress(shardHash, f24, S0, L, p)
  local low = shardHash % S0
  local address = low + S0 * (f24 % (2 ^ L))
  -- Shards before the split pointer are split in this round: they use one more bit of the field.
  if address < p then address = low + S0 * (f24 % (2 ^ (L + 1))) end
  return address
end

local function shardKey(address)
  return prefix .. ':b:' .. string.format('%d', address)
end

-- A 3-byte little-endian number at byte `at` (article numbers in bucket values, field bits).
local function u24(raw, at)
  local value = struct.unpack('<I4', string.sub(raw, at, at + 2) .. '\0')
  return value
end

-- The 24 bits of a stored field that place it: passage fields are the 3 bytes themselves; the other
-- kinds (and article ids, 'I' + 8 bytes) carry one letter before them.
local function fieldBits(field)
  if #field == 3 then return u24(field, 1) end
  return u24(field, 2)
end

-- Splits shard p of round L into p and p + S0·2^L by the field's bit L.
local function splitShard(S0, L, p)
  local from = shardKey(p)
  local bit = 2 ^ L
  local all = redis.call('HGETALL', from)
  local moved, names = {}, {}
  for i = 1, #all, 2 do
    if math.floor(fieldBits(all[i]) / bit) % 2 == 1 then
      moved[#moved + 1] = all[i]
      moved[#moved + 1] = all[i + 1]
      names[#names + 1] = all[i]
    end
  end
  if #names > 0 then
    redis.call('HSET', shardKey(p + S0 * bit), unpack(moved))
    redis.call('HDEL', from, unpack(names))
  end
end

-- Splits shards until they hold at most `load` fields on average (each split is O(one shard)).
local function growTable(S0, load, L, p, e)
  local shards = S0 * (2 ^ L) + p
  while e > load * shards do
    splitShard(S0, L, p)
    p = p + 1
    if p == S0 * (2 ^ L) then
      L = L + 1
      p = 0
    end
    shards = shards + 1
  end
  redis.call('HSET', prefix .. ':lh', 'L', L, 'p', p, 'e', e)
end

-- The shard that holds an article's id field ('I' + its 8 bytes).
local function idShardKey(idRaw, idShard, S0, L, p)
  return shardKey(shardAddress(idShard, fieldBits('I' .. idRaw), S0, L, p))
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

-- The links an article found (copies, near duplicates, passages, similar content, claim facts): one
-- value ("field\31value\30" each, fields as in src/nlp/dedup/links.ts) in a hash of 256 articles. In
-- the story's own hash (layouts up to 4) a big story's links each cost a hashtable entry (~140 bytes
-- for ~50 of text), and every merge copied all of the absorbed story's links; an article's own list
-- costs its text and never moves. A story's links are its members' lists.
local FIELD_END = string.char(31)
local LINK_END = string.char(30)

local function linksKey(num)
  return prefix .. ':l:' .. math.floor(num / 256)
end

local function storySize(root)
  local length = redis.call('STRLEN', membersKey(root))
  if length == 0 then length = redis.call('HSTRLEN', storyKey(root), 'm') end
  if length == 0 then return 1 end
  return length / 4
end
