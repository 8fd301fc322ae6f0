-- wrk-questions.lua — wrk script feeding the dev questions to GET /v1/search:
-- one URL-encoded question per line of the file given after "--".
local paths = {}
local i = 0

function init(args)
    local f = assert(io.open(args[1], "r"))
    for line in f:lines() do
        paths[#paths + 1] = "/v1/search?q=" .. line
    end
    f:close()
    i = math.random(#paths)
end

function request()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
