-- Read the story an article belongs to, as one consistent snapshot (no writes).
local num = tonumber(ARGV[2])
local root = findRoot(num, false)
local key = storyKey(root)
local version = tonumber(redis.call('HGET', key, 'v') or '0')
return { root, version, membersOf(root), redis.call('HGETALL', key) }
