-- wrk script: PATCH the priority of open tickets through the JSON API, cycling through
-- ticket ids and priorities. Needs FLATDESK_TOKEN and FLATDESK_IDS (comma-separated) in the environment.
local token = os.getenv("FLATDESK_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("FLATDESK_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local priorities = { "low", "medium", "high", "urgent" }
local counter = 0

request = function()
    counter = counter + 1
    local id = ids[(counter % #ids) + 1]
    local priority = priorities[(counter % #priorities) + 1]
    local body = '{"priority": "' .. priority .. '"}'
    local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["If-Match"] = "*" }
    return wrk.format("PATCH", "/api/v1/tickets/" .. id, headers, body)
end

