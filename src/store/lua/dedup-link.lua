-- One atomic step: join the article's story with the stories of the articles it links to (union by
-- smallest article id, so the surviving story id is a function of the set of members, not of the
-- order), record the links the article found in its own list (see linksKey), and return its
-- story's root, version and size.
local num = tonumber(ARGV[2])
local slotSize = tonumber(ARGV[3])
local ownMarks = ARGV[4]

-- The story-level gates (src/nlp/dedup/story-marks.ts is the reference; the in-process store runs
-- the same rule). A story keeps the marks its members' leads carry (opening actor's country, wire
-- dateline: 8 bytes each, group then value) in its hash's field 'k', at most MARKS_CAP; an
-- article alone has no stored marks, its own (from the request) are its set. Two stories are not
-- merged when, in some group, both hold marks and none in common. A story of several members with
-- no 'k' is unknown (indexed before the marks were kept, or past the cap) and never refuses a merge;
-- a merge with it is unknown too.
local MARKS_CAP = 16

local function unpackMarks(raw)
  local marks = {}
  for i = 1, #raw - 7, 8 do
    marks[#marks + 1] = { struct.unpack('<I4', string.sub(raw, i, i + 3)), struct.unpack('<I4', string.sub(raw, i + 4, i + 7)) }
  end
  return marks
end

local function marksOf(root, own)
  if storySize(root) == 1 then return unpackMarks(own) end
  local raw = redis.call('HGET', storyKey(root), 'k')
  if not raw then return nil end
  return unpackMarks(raw)
end

local function marksAllowOneStory(a, b)
  if a == nil or b == nil then return true end
  local theirs = {}
  for _, mark in ipairs(b) do
    theirs[mark[1]] = theirs[mark[1]] or {}
    theirs[mark[1]][mark[2]] = true
  end
  local mine = {}
  for _, mark in ipairs(a) do
    local values = theirs[mark[1]]
    if values then
      if mine[mark[1]] == nil then mine[mark[1]] = false end
      if values[mark[2]] then mine[mark[1]] = true end
    end
  end
  for _, shared in pairs(mine) do
    if not shared then return false end
  end
  return true
end

-- The merged story's marks, packed; nil when unknown (either side unknown, or more than the cap).
local function packedUnion(a, b)
  if a == nil or b == nil then return nil end
  local parts, seen = {}, {}
  for _, side in ipairs({ a, b }) do
    for _, mark in ipairs(side) do
      local packed = struct.pack('<I4', mark[1]) .. struct.pack('<I4', mark[2])
      if not seen[packed] then
        seen[packed] = true
        parts[#parts + 1] = packed
      end
    end
  end
  if #parts > MARKS_CAP then return nil end
  return table.concat(parts)
end

local mergedAway = {}
local changed = false
local pending = {}
local a = 5
while a + 4 <= #ARGV do
  local other = tonumber(ARGV[a])
  if ARGV[a + 1] == '1' then
    local rootA = findRoot(num, true)
    local rootB = findRoot(other, true)
    local marksA, marksB = nil, nil
    if rootA ~= rootB then
      marksA = marksOf(rootA, ownMarks)
      marksB = marksOf(rootB, ARGV[a + 2])
    end
    if rootA ~= rootB and marksAllowOneStory(marksA, marksB) then
      local survivor, loser = rootA, rootB
      if bytesLess(idOf(rootB, slotSize), idOf(rootA, slotSize)) then survivor, loser = rootB, rootA end
      -- The article's own story before it joined anything (it alone) never had a file worth a tombstone
      -- kept pending: the record's writer is told of it (mergedAway) and writes one as before.
      local ownSingleton = loser == num and storySize(loser) == 1
      local survivorKey = storyKey(survivor)
      local loserKey = storyKey(loser)
      local survivorMembers = membersKey(survivor)
      if redis.call('EXISTS', survivorMembers) == 0 then
        redis.call('SET', survivorMembers, membersOf(survivor))
        redis.call('HDEL', survivorKey, 'm')
      end
      redis.call('APPEND', survivorMembers, membersOf(loser))
      local union = packedUnion(marksA, marksB)
      if union then redis.call('HSET', survivorKey, 'k', union) else redis.call('HDEL', survivorKey, 'k') end
      -- The absorbed story's links stay in its members' own lists: nothing to copy.
      redis.call('DEL', loserKey, membersKey(loser))
      setParent(loser, survivor)
      mergedAway[#mergedAway + 1] = loser
      -- The merged-away story's file needs a tombstone. The writer of this article's record is told
      -- (mergedAway), but that job can die, or this step be retried (and then merge nothing): the set
      -- keeps every such merge until some writer has written its tombstone.
      if not ownSingleton then redis.call('SADD', prefix .. ':tombstones', loser) end
      changed = true
    end
  end
  pending[#pending + 1] = ARGV[a + 3]
  pending[#pending + 1] = ARGV[a + 4]
  a = a + 5
end

local root = findRoot(num, true)
local key = storyKey(root)

-- Each fact once in the article's list: a retried step finds the same facts again, and adds only
-- those it did not record the first time.
local listKey = linksKey(num)
local slot = num % 256
local list = nil
local recorded = nil
local appended = false
for i = 1, #pending, 2 do
  local field, value = pending[i], pending[i + 1]
  if not list then
    list = redis.call('HGET', listKey, slot) or ''
    recorded = {}
    for name in string.gmatch(list, '([^' .. FIELD_END .. LINK_END .. ']*)' .. FIELD_END .. '[^' .. LINK_END .. ']*' .. LINK_END) do recorded[name] = true end
  end
  if not recorded[field] then
    recorded[field] = true
    list = list .. field .. FIELD_END .. value .. LINK_END
    appended = true
  end
end
if appended then
  redis.call('HSET', listKey, slot, list)
  changed = true
end
local version = tonumber(redis.call('HGET', key, 'v') or '0')
if changed then version = redis.call('HINCRBY', key, 'v', 1) end

-- Only where the story stands (not its members or links: reading those would cost O(story size)
-- for every article that joins a big story; the writer reads the story with dedup-story.lua).
return { root, version, storySize(root), mergedAway }
