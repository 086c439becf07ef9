-- wrk script: GET the console pages of several tickets in turn with a session cookie.
-- Needs FLATDESK_COOKIE and FLATDESK_IDS (comma-separated ticket ids) in the environment.
local cookie = os.getenv("FLATDESK_COOKIE")
local ids = {}
for id in string.gmatch(os.getenv("FLATDESK_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local counter = 0

request = function()
    counter = counter + 1
    local id = ids[(counter % #ids) + 1]
    return wrk.format("GET", "/console/tickets/" .. id, { ["Cookie"] = cookie })
end
