-- KEYS: per store (g of them) its generation key, then its version key; then the keys to write or delete
-- ARGV[1]: g; ARGV[2]: time to live in ms; ARGV[3]: what ARGV[3 + j] holds for store j:
--   'versions': the version of the commit whose rows these are; a store whose keys a commit of an
--               equal or later version has already replaced is left alone
--   'generations': its generation before the rows were read from the tables ('' for none); if any
--               store's has changed since, nothing is written
-- then per key: its store's index, and 's' with the value to write, or 'd' and '' to delete it
-- Returns one character per store: '1' replaced, '0' left alone
local g = tonumber(ARGV[1])
local versioned = ARGV[3] == 'versions'
local accepted = {}
local all = true
for j = 1, g do
    if versioned then
        accepted[j] = tonumber(ARGV[3 + j]) > tonumber(redis.call('GET', KEYS[2 * j]) or '0')
    else
        accepted[j] = (redis.call('GET', KEYS[2 * j - 1]) or '') == ARGV[3 + j]
        all = all and accepted[j]
    end
end
if not all then
    for j = 1, g do
        accepted[j] = false
    end
end
for i = 2 * g + 1, #KEYS do
    local at = 3 + g + 3 * (i - 2 * g - 1) + 1
    if accepted[tonumber(ARGV[at])] then
        if ARGV[at + 1] == 's' then
            redis.call('SET', KEYS[i], ARGV[at + 2], 'PX', ARGV[2])
        else
            redis.call('DEL', KEYS[i])
        end
    end
end
local flags = {}
for j = 1, g do
    flags[j] = '0'
    if accepted[j] then
        redis.call('INCR', KEYS[2 * j - 1])
        if versioned then
            redis.call('SET', KEYS[2 * j], ARGV[3 + j])
        end
        flags[j] = '1'
    end
end
return table.concat(flags)
