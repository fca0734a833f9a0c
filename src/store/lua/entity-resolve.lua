-- Resolves one article's entities to registry ids, atomically (the same rules as
-- MemoryEntityRegistry in src/store/entity-registry.ts; keep the two in step).
-- ARGV[1] key prefix, ARGV[2] article id, ARGV[3] JSON array of ArticleEntity, ARGV[4] time (ms).
-- Keys: <p>:key:<k> → id (strong keys, first writer wins); <p>:weak:<k> → set of ids (partial forms);
-- <p>:ent:<id> hash {type, canonical, words, mentions}; <p>:ent:<id>:variants set;
-- <p>:ent:<id>:articles zset (score: first time seen); <p>:entities[:<TYPE>] zset by mentions;
-- <p>:art:<article> hash localKey → id (a second run of the same article changes nothing).
local p = ARGV[1]
local article = ARGV[2]
local entities = cjson.decode(ARGV[3])
local now = tonumber(ARGV[4])
local artKey = p .. ':art:' .. article

local function resolve(e)
  for _, k in ipairs(e.strongKeys) do
    local id = redis.call('GET', p .. ':key:' .. k)
    if id then return id end
  end
  -- The article names, in full, an entity other articles knew under this form as a partial one.
  for _, k in ipairs(e.strongKeys) do
    local weak = p .. ':weak:' .. k
    if redis.call('SCARD', weak) == 1 then return redis.call('SRANDMEMBER', weak) end
  end
  -- An entity registered from a partial form only (an article that said just «الكاظمي») grows
  -- into this fuller one, unless another full entity shares that partial form.
  for _, k in ipairs(e.weakKeys) do
    local id = redis.call('GET', p .. ':key:' .. k)
    if id then
      local words = tonumber(redis.call('HGET', p .. ':ent:' .. id, 'words') or '0')
      local alone = true
      for _, other in ipairs(redis.call('SMEMBERS', p .. ':weak:' .. k)) do
        if other ~= id then alone = false end
      end
      if words < e.words and alone then return id end
    end
  end
  local id = e.proposedId
  local n = 1
  while redis.call('EXISTS', p .. ':ent:' .. id) == 1 do
    n = n + 1
    id = e.proposedId .. '-' .. n
  end
  return id
end

local ids = {}
for i, e in ipairs(entities) do
  local known = redis.call('HGET', artKey, e.localKey)
  if known then
    ids[i] = known
  else
    local id = resolve(e)
    ids[i] = id
    local ek = p .. ':ent:' .. id
    for _, k in ipairs(e.strongKeys) do redis.call('SET', p .. ':key:' .. k, id, 'NX') end
    for _, k in ipairs(e.weakKeys) do redis.call('SADD', p .. ':weak:' .. k, id) end
    local words = tonumber(redis.call('HGET', ek, 'words') or '0')
    if words < e.words then redis.call('HSET', ek, 'canonical', e.canonical, 'words', e.words) end
    redis.call('HSETNX', ek, 'type', e.type)
    redis.call('HINCRBY', ek, 'mentions', e.mentionCount)
    for _, v in ipairs(e.variants) do redis.call('SADD', ek .. ':variants', v) end
    redis.call('ZADD', ek .. ':articles', 'NX', now, article)
    local entityType = redis.call('HGET', ek, 'type')
    redis.call('ZINCRBY', p .. ':entities', e.mentionCount, id)
    redis.call('ZINCRBY', p .. ':entities:' .. entityType, e.mentionCount, id)
    redis.call('HSET', artKey, e.localKey, id)
  end
end
return cjson.encode(ids)
