import CCurl

/// One libcurl easy handle with its error buffer, cleaned up in `deinit`.
final class CurlEasyHandle {
    let handle: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER` target; libcurl writes a detailed message here when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlFailure) {
        try Curl.ensureInitialized()
        guard let easy = curl_easy_init() else {
            throw CurlFailure(
                function: "curl_easy_init", code: Int(CURLE_FAILED_INIT.rawValue), detail: "returned NULL")
        }
        handle = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        // A handle used from several threads must not use signals for timeouts (CURLOPT_NOSIGNAL).
        try set(CURLOPT_NOSIGNAL, 1)
        try check(fd_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlFailure) {
        try check(fd_curl_setopt_long(handle, option, value), "curl_easy_setopt(\(option.rawValue))")
    }

    /// Sets a string option; libcurl copies strings since 7.17, so the temporary C string may be freed after.
    func set(_ option: CURLoption, _ value: String) throws(CurlFailure) {
        try check(fd_curl_setopt_string(handle, option, value), "curl_easy_setopt(\(option.rawValue))")
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlFailure) {
        try check(fd_curl_setopt_off_t(handle, option, curl_off_t(value)), "curl_easy_setopt(\(option.rawValue))")
    }

    /// Sets a list option; the list must stay alive until the transfer ends.
    func set(_ option: CURLoption, _ list: CurlStringList) throws(CurlFailure) {
        try check(fd_curl_setopt_slist(handle, option, list.head), "curl_easy_setopt(\(option.rawValue))")
    }

    /// Runs the transfer and blocks the calling thread until it ends.
    /// - Throws: `CurlFailure` with libcurl's detailed message when the transfer fails.
    func perform() throws(CurlFailure) {
        errorBuffer[0] = 0
        let result = curl_easy_perform(handle)
        let detail = errorBuffer[0] == 0 ? nil : String(cString: errorBuffer)
        try CurlFailure.check(result, "curl_easy_perform", detail: detail)
    }

    /// Returns the last response code: the HTTP status or the last SMTP reply code, or 0 when none arrived.
    func responseCode() -> Int {
        var code = 0
        _ = fd_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    func check(_ result: CURLcode, _ function: String) throws(CurlFailure) {
        try CurlFailure.check(result, function)
    }
}
