-- One atomic step: join the article's story with the stories of the articles it links to (union by
-- smallest article id, so the surviving story id is a function of the set of members, not of the
-- order), record the links the article found in its own list (see linksKey), and return its
-- story's root, version and size.
local num = tonumber(ARGV[2])
local slotSize = tonumber(ARGV[3])
local ownActor = tonumber(ARGV[4])

-- The story-level actor gate (src/nlp/dedup/story-actors.ts is the reference; the in-process store
-- runs the same rule). A story's set of opening actors' countries is kept in its hash's field 'a'
-- (4 bytes each, at most ACTORS_CAP); an article alone has no stored set, its own actor (from the
-- request) is its set. A story of several members with no 'a' is unknown (indexed before the sets
-- were kept, or past the cap) and never refuses a merge; a merge with it is unknown too.
local ACTORS_CAP = 8

local function actorsOf(root, actor)
  if storySize(root) == 1 then
    if actor == 0 then return {} end
    return { actor }
  end
  local raw = redis.call('HGET', storyKey(root), 'a')
  if not raw then return nil end
  local set = {}
  for i = 1, #raw - 3, 4 do set[#set + 1] = struct.unpack('<I4', string.sub(raw, i, i + 3)) end
  return set
end

local function contains(set, actor)
  for _, value in ipairs(set) do if value == actor then return true end end
  return false
end

local function actorsAllowOneStory(a, b)
  if a == nil or b == nil or #a == 0 or #b == 0 then return true end
  for _, actor in ipairs(a) do if contains(b, actor) then return true end end
  return false
end

-- The merged story's set, packed; nil when unknown (either side unknown, or more than the cap).
local function packedUnion(a, b)
  if a == nil or b == nil then return nil end
  local union = {}
  for _, actor in ipairs(a) do union[#union + 1] = actor end
  for _, actor in ipairs(b) do if not contains(union, actor) then union[#union + 1] = actor end end
  if #union > ACTORS_CAP then return nil end
  local parts = {}
  for i, actor in ipairs(union) do parts[i] = struct.pack('<I4', actor) end
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
    local actorsA, actorsB = nil, nil
    if rootA ~= rootB then
      actorsA = actorsOf(rootA, ownActor)
      actorsB = actorsOf(rootB, tonumber(ARGV[a + 2]))
    end
    if rootA ~= rootB and actorsAllowOneStory(actorsA, actorsB) then
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
      local union = packedUnion(actorsA, actorsB)
      if union then redis.call('HSET', survivorKey, 'a', union) else redis.call('HDEL', survivorKey, 'a') end
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
