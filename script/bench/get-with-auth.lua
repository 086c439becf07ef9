-- wrk script: GET the path given on the command line with a session cookie or bearer token
-- from the environment (FLATDESK_COOKIE or FLATDESK_TOKEN).
local cookie = os.getenv("FLATDESK_COOKIE")
local token = os.getenv("FLATDESK_TOKEN")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
