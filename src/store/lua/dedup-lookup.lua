-- An article's number from its id, or -1 (no writes). A script, not two reads from the client: a
-- split between reading the table's state and reading the shard could move the id's field away.
local idRaw = ARGV[2]
local idShard = tonumber(ARGV[3])
local S0 = tonumber(ARGV[4])
local L, p = tableState()
local value = redis.call('HGET', idShardKey(idRaw, idShard, S0, L, p), 'I' .. idRaw)
if not value then return -1 end
return u24(value, 1)
