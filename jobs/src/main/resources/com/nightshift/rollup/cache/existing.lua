-- One character per key: '1' if it exists, '0' if not
local flags = {}
for i = 1, #KEYS do
    flags[i] = redis.call('EXISTS', KEYS[i])
end
return table.concat(flags)
