-- Read the story an article belongs to, as one consistent snapshot (no writes): its version, its
-- members, and the links each member found (raw lists, see linksKey).
local num = tonumber(ARGV[2])
local root = findRoot(num, false)
local version = tonumber(redis.call('HGET', storyKey(root), 'v') or '0')
local members = membersOf(root)
local lists = {}
for at = 1, #members - 3, 4 do
  local member = struct.unpack('<I4', members, at)
  local list = redis.call('HGET', linksKey(member), member % 256)
  if list then lists[#lists + 1] = list end
end
return { root, version, members, lists }
