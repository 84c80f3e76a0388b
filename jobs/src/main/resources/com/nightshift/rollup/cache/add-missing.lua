-- KEYS: g generation keys, then the keys to add
-- ARGV[1]: g; ARGV[2]: time to live in ms; ARGV[2 + j]: generation j as it was before the rows were
-- read ('' for none); then, per key to add, the index of its store's generation and its value
local g = tonumber(ARGV[1])
local unchanged = {}
for j = 1, g do
    unchanged[j] = (redis.call('GET', KEYS[j]) or '') == ARGV[2 + j]
end
local written = 0
for i = 1, #KEYS - g do
    local at = 2 + g + 2 * i - 1
    if unchanged[tonumber(ARGV[at])]
            and redis.call('SET', KEYS[g + i], ARGV[at + 1], 'PX', ARGV[2], 'NX') then
        written = written + 1
    end
end
return written
