import CCurl

/// Process-wide libcurl setup and the failure type of the easy-handle wrapper.
enum Curl {
    /// Result of the one `curl_global_init` call. libcurl requires it once before any other call, and it is
    /// not thread-safe itself; a Swift `static let` runs it exactly once.
    private static let globalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Runs `curl_global_init` on first use.
    static func ensureInitialized() throws(CurlFailure) {
        try CurlFailure.check(globalInitResult, "curl_global_init")
    }

    /// Converts a `Duration` to whole milliseconds for the `*_MS` options, at least 1 so that a tiny
    /// timeout does not turn into libcurl's 0, which means no timeout.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// A failed libcurl call: the function or option, the `CURLcode` and libcurl's message.
struct CurlFailure: Error {
    let function: String
    let code: Int
    let detail: String

    /// Throws when `result` is not `CURLE_OK`.
    static func check(_ result: CURLcode, _ function: String, detail: String? = nil) throws(CurlFailure) {
        guard result != CURLE_OK else { return }
        throw CurlFailure(
            function: function, code: Int(result.rawValue),
            detail: detail ?? String(cString: curl_easy_strerror(result)))
    }
}
