-- Where an article's story stands (root, version, number of members), without reading its members
-- or links: what the writer checks before deciding to rebuild the story file. No writes.
local num = tonumber(ARGV[2])
local root = findRoot(num, false)
local key = storyKey(root)
local version = tonumber(redis.call('HGET', key, 'v') or '0')
return { root, version, storySize(root) }
