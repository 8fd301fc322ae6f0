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

-- with WRK_LATENCY_OUT set, the latency distribution (percentile, ms; one
-- pair a line, 1 to 99.9) goes to that file for bench/plot-latency
function done(summary, latency, requests)
    local out = os.getenv("WRK_LATENCY_OUT")
    if not out then return end
    local f = assert(io.open(out, "w"))
    local ps = {}
    for p = 1, 99 do ps[#ps + 1] = p end
    for _, p in ipairs({99.5, 99.9}) do ps[#ps + 1] = p end
    for _, p in ipairs(ps) do
        f:write(string.format("%g %.3f\n", p, latency:percentile(p) / 1000))
    end
    f:close()
end
