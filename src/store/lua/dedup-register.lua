-- One atomic step per article: look the id up, and if it is new, give it a number, store its
-- metadata and add it to every bucket it belongs to; in the same step read every bucket's other
-- members. Because insert and query are one step, two copies processed at the same instant still
-- find each other: whichever runs second sees the first.
local idRaw = ARGV[2]
local meta = ARGV[3]
local source = ARGV[4]
local S0 = tonumber(ARGV[5])
local shardLoad = tonumber(ARGV[6])
local bucketCap = tonumber(ARGV[7])
local postingCap = tonumber(ARGV[8])
local slotSize = tonumber(ARGV[9])
local idShard = tonumber(ARGV[10])
local entries = ARGV[11]
local claimCap = tonumber(ARGV[12])

local counterKey = prefix .. ':n'
local count = tonumber(redis.call('GET', counterKey) or '0')

-- The layout's version: an index written in another layout is refused, never misread (format 2:
-- 5-byte passage postings, Rice-coded samples in hashes of 256; format 3: claims keys as bucket
-- entries with 4-byte postings, claim digests once per article, no claim text; format 4: claim
-- digests at the head of the article's blob, varint sentence tables, 3-byte article numbers in
-- buckets; format 5: one linear-hashing table of shards instead of generations, caps over the whole index).
local FORMAT = '5'
local format = redis.call('GET', prefix .. ':format')
if count > 0 and format ~= FORMAT then
  return redis.error_reply('dedup: the index under "' .. prefix .. '" was written in layout ' .. tostring(format or 1) .. ', this khabar writes layout ' .. FORMAT .. ': delete its keys (' .. prefix .. ':*) or use another KHABAR_PREFIX, then ingest again')
end
if not format then redis.call('SET', prefix .. ':format', FORMAT) end
local L, p, fields = tableState()

local idField = 'I' .. idRaw
local idKey = idShardKey(idRaw, idShard, S0, L, p)
local num = nil
local idValue = redis.call('HGET', idKey, idField)
if idValue then num = u24(idValue, 1) end

local existed = 1
if not num then
  -- Passage postings number articles in 3 bytes.
  if count >= 16777216 then return redis.error_reply('dedup: the index holds at most 2^24 articles') end
  existed = 0
  num = redis.call('INCR', counterKey) - 1
  fields = fields + redis.call('HSET', idKey, idField, string.sub(struct.pack('<I4', num), 1, 3))
  local sourceIndex = 65535
  if source ~= '' then
    local known = redis.call('HGET', prefix .. ':src', source)
    if known then
      sourceIndex = tonumber(known)
    else
      sourceIndex = redis.call('HLEN', prefix .. ':src')
      redis.call('HSET', prefix .. ':src', source, sourceIndex)
      redis.call('HSET', prefix .. ':srcn', sourceIndex, source)
    end
  end
  -- The article's blob (sentence table and shingle sample) is a field of a hash of 256 articles: a
  -- key of its own per article cost ~50 bytes more (key object, name, keyspace entry).
  redis.call('HSET', prefix .. ':sh:' .. math.floor(num / 256), num % 256, ARGV[13])
  local slot = num % 256
  local patched = string.sub(meta, 1, 12) .. struct.pack('<H', sourceIndex) .. string.sub(meta, 15)
  redis.call('SETRANGE', metaBlock(num, slotSize), slot * slotSize, patched)
  setParent(num, num)
end

local hits = {}
local entrySize = 11
local postingSize = 5
local claimPostingSize = 4
-- Article numbers are 3 bytes everywhere in the buckets (at most 2^24 articles, checked above).
local postingNum = string.sub(struct.pack('<I4', num), 1, 3)
local numRaw = postingNum
local claimArticles = {}
for e = 0, (#entries / entrySize) - 1 do
  local kind, shardHash, fieldRaw, position = struct.unpack('<c1I4c4H', entries, e * entrySize + 1)
  local field = kind .. string.sub(fieldRaw, 1, 3)
  if kind == 'P' then field = string.sub(fieldRaw, 1, 3) end
  local posting = postingNum .. struct.pack('<H', position)
  local key = shardKey(shardAddress(shardHash, fieldBits(field), S0, L, p))
  local value = redis.call('HGET', key, field)
  if value and value ~= '' then
    hits[#hits + 1] = e
    hits[#hits + 1] = value
    if kind == 'C' then
      for at = 1, #value - claimPostingSize + 1, claimPostingSize do
        local other = u24(value, at)
        if other ~= num then claimArticles[other] = true end
      end
    end
  end
  -- A retried article (existed) is in its buckets already: it only reads.
  if existed == 0 then
    if not value then fields = fields + 1 end
    if kind == 'C' then
      -- A claims key (speaker, counted thing) keeps its `claimCap` most recent postings: postings
      -- are appended in number order, so the oldest is the first.
      local claimPosting = postingNum .. struct.pack('<B', position % 256)
      if not value then
        redis.call('HSET', key, field, claimPosting)
      elseif #value / claimPostingSize >= claimCap then
        redis.call('HSET', key, field, string.sub(value, (#value / claimPostingSize - claimCap + 1) * claimPostingSize + 1) .. claimPosting)
      else
        redis.call('HSET', key, field, value .. claimPosting)
      end
    elseif kind == 'P' then
      -- A passage fingerprint held by more than `postingCap` articles is a stock phrase: its list is
      -- emptied for good and it is never indexed again.
      if not value then
        redis.call('HSET', key, field, posting)
      elseif value ~= '' then
        if #value / postingSize >= postingCap then
          redis.call('HSET', key, field, '')
        else
          redis.call('HSET', key, field, value .. posting)
        end
      end
    else
      -- Copy, near-duplicate and topic buckets keep their `bucketCap` most recent members.
      if not value then
        redis.call('HSET', key, field, numRaw)
      elseif #value / 3 >= bucketCap then
        redis.call('HSET', key, field, string.sub(value, (#value / 3 - bucketCap + 1) * 3 + 1) .. numRaw)
      else
        redis.call('HSET', key, field, value .. numRaw)
      end
    end
  end
end

-- Every address above was computed before this step's splits, which then move whole fields.
if existed == 0 then growTable(S0, shardLoad, L, p, fields) end

-- The claim digests of the articles that this article's claims keys name (one read per article):
-- they head each article's blob, after their length (u16).
local digests = {}
for other in pairs(claimArticles) do
  local blob = redis.call('HGET', prefix .. ':sh:' .. math.floor(other / 256), other % 256) or ''
  local claims = ''
  if #blob >= 2 then claims = string.sub(blob, 3, 2 + struct.unpack('<H', blob)) end
  digests[#digests + 1] = other
  digests[#digests + 1] = claims
end

return { num, existed, hits, digests }
