-- Resolves one article's entities to registry ids, atomically (the same rules as
-- MemoryEntityRegistry in src/store/entity-registry.ts; keep the two in step).
-- ARGV[1] key prefix, ARGV[2] article id, ARGV[3] JSON array of ArticleEntity, ARGV[4] time (ms),
-- ARGV[5] CONTEXT_MIN_SHARED, ARGV[6] CONTEXT_MARGIN.
-- Keys: <p>:key:<k> → id (strong keys, first writer wins); <p>:weak:<k> → set of ids (partial forms);
-- <p>:bare:<k> → id of a bare person word's own entity; <p>:ctx:<id> → set of the ids seen in the
-- articles of a person named in full; <p>:ent:<id> hash {type, canonical, words, mentions};
-- <p>:ent:<id>:variants set; <p>:ent:<id>:articles zset (score: first time seen);
-- <p>:entities[:<TYPE>] zset by mentions; <p>:art:<article> hash localKey → id (a second run of
-- the same article changes nothing).
local p = ARGV[1]
local article = ARGV[2]
local entities = cjson.decode(ARGV[3])
local now = tonumber(ARGV[4])
local minShared = tonumber(ARGV[5])
local margin = tonumber(ARGV[6])
local artKey = p .. ':art:' .. article

-- Each entity's words and type, read once per script and kept in step with what register writes
-- (the only writer of both): the rules ask for them many times an entity, and each HGET was a
-- command of its own (about 9 an entity, the registry's step ~2.4 ms of Redis CPU an article).
local entInfo = {}
local function info(id)
  local known = entInfo[id]
  if known then return known end
  local fields = redis.call('HMGET', p .. ':ent:' .. id, 'words', 'type')
  known = { words = tonumber(fields[1] or '0') or 0, type = fields[2] }
  entInfo[id] = known
  return known
end

local function words(id)
  return info(id).words
end

-- The ids this article's entities got in an earlier run (a retried job), read in one command.
local artIds = {}
do
  local flat = redis.call('HGETALL', artKey)
  for i = 1, #flat, 2 do artIds[flat[i]] = flat[i + 1] end
end

-- proposedId, or -2, -3, …: the first that is unused or (for a bare person) still a bare entity.
local function freshId(proposed, reuseBare)
  local id = proposed
  local n = 1
  while redis.call('EXISTS', p .. ':ent:' .. id) == 1 and not (reuseBare and words(id) <= 1) do
    n = n + 1
    id = proposed .. '-' .. n
  end
  return id
end

-- The bare word's own entity while it is still bare (a grown one is a holder like any other).
local function bareEntity(k)
  local id = redis.call('GET', p .. ':bare:' .. k)
  if id and words(id) <= 1 then return id end
  return nil
end

local function registeredStrong(e)
  for _, k in ipairs(e.strongKeys) do
    local id = redis.call('GET', p .. ':key:' .. k)
    if id then return id end
  end
  return nil
end

local function resolve(e)
  local id = registeredStrong(e)
  if id then return id end
  -- The article names, in full, an entity other articles knew under this form as a partial one.
  for _, k in ipairs(e.strongKeys) do
    local weak = p .. ':weak:' .. k
    if redis.call('SCARD', weak) == 1 then return redis.call('SRANDMEMBER', weak) end
  end
  -- An entity registered from a partial form only (an article that said just «الكاظمي») grows
  -- into this fuller one, unless another full entity shares that partial form.
  for _, k in ipairs(e.weakKeys) do
    local found = redis.call('GET', p .. ':key:' .. k) or bareEntity(k)
    if found then
      local alone = true
      for _, other in ipairs(redis.call('SMEMBERS', p .. ':weak:' .. k)) do
        if other ~= found then alone = false end
      end
      if words(found) < e.words and alone then return found end
    end
  end
  return freshId(e.proposedId, false)
end

-- A person named by one word: its one holder, the holder the article's context points at, or the
-- bare word's own entity.
local function resolveBare(e, context)
  local id = registeredStrong(e)
  if id then return id end
  local holders = {}
  local count = 0
  for _, k in ipairs(e.bareKeys) do
    for _, h in ipairs(redis.call('SMEMBERS', p .. ':weak:' .. k)) do
      if not holders[h] then
        holders[h] = true
        count = count + 1
      end
    end
  end
  if count == 1 then return next(holders) end
  if count > 1 then
    local best, bestShared, secondShared = nil, -1, -1
    for h in pairs(holders) do
      local shared = 0
      for _, c in ipairs(context) do
        if redis.call('SISMEMBER', p .. ':ctx:' .. h, c) == 1 then shared = shared + 1 end
      end
      if shared > bestShared or (shared == bestShared and h < best) then
        if best then secondShared = math.max(secondShared, bestShared) end
        best, bestShared = h, shared
      else
        secondShared = math.max(secondShared, shared)
      end
    end
    if bestShared >= minShared and bestShared > secondShared and bestShared >= margin * secondShared then return best end
  end
  for _, k in ipairs(e.bareKeys) do
    local own = bareEntity(k)
    if own then return own end
  end
  return freshId(e.proposedId, true)
end

local function register(e, id)
  local ek = p .. ':ent:' .. id
  for _, k in ipairs(e.strongKeys) do redis.call('SET', p .. ':key:' .. k, id, 'NX') end
  for _, k in ipairs(e.weakKeys) do redis.call('SADD', p .. ':weak:' .. k, id) end
  local known = info(id)
  local before = known.words
  if #e.bareKeys > 0 and before <= 1 then
    for _, k in ipairs(e.bareKeys) do redis.call('SET', p .. ':bare:' .. k, id) end
  end
  if before < e.words then
    redis.call('HSET', ek, 'canonical', e.canonical, 'words', e.words)
    known.words = e.words
  end
  -- The first type an entity was registered with stays (HSETNX before).
  if not known.type then
    redis.call('HSET', ek, 'type', e.type)
    known.type = e.type
  end
  redis.call('HINCRBY', ek, 'mentions', e.mentionCount)
  if #e.variants > 0 then redis.call('SADD', ek .. ':variants', unpack(e.variants)) end
  redis.call('ZADD', ek .. ':articles', 'NX', now, article)
  redis.call('ZINCRBY', p .. ':entities', e.mentionCount, id)
  redis.call('ZINCRBY', p .. ':entities:' .. known.type, e.mentionCount, id)
  redis.call('HSET', artKey, e.localKey, id)
  artIds[e.localKey] = id
end

local ids = {}
-- Entities named in full first: they are the context that resolves the bare persons.
for pass = 1, 2 do
  local context = {}
  if pass == 2 then
    local seen = {}
    for _, id in pairs(ids) do
      if not seen[id] then
        seen[id] = true
        context[#context + 1] = id
      end
    end
  end
  for i, e in ipairs(entities) do
    local bare = type(e.bareKeys) == 'table' and #e.bareKeys > 0
    if (pass == 2) == bare then
      local known = artIds[e.localKey]
      if known then
        ids[i] = known
      else
        local id
        if bare then id = resolveBare(e, context) else id = resolve(e) end
        ids[i] = id
        register(e, id)
      end
    end
  end
end

-- Each person named in full remembers the entities of this article (its context for bare persons).
local present, seen = {}, {}
for i = 1, #entities do
  local id = ids[i]
  if not seen[id] then
    seen[id] = true
    present[#present + 1] = id
  end
end
for _, id in ipairs(present) do
  if #present > 1 and info(id).type == 'PER' and words(id) >= 2 then
    local others = {}
    for _, other in ipairs(present) do
      if other ~= id then others[#others + 1] = other end
    end
    redis.call('SADD', p .. ':ctx:' .. id, unpack(others))
  end
end
return cjson.encode(ids)
