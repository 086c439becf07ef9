import CCurl

/// Sends HTTP requests to outside services through libcurl, one connection per request.
///
/// `send` blocks the calling thread until the response is complete or the request's timeout passes, so callers
/// on Swift's cooperative thread pool should run it on a thread of their own. Only `http` and `https` are
/// allowed, also for redirects. Proxy environment variables (`https_proxy`, `no_proxy`) apply as in libcurl.
public struct OutboundHTTPClient: Sendable {
    /// Largest response body accepted, in bytes.
    public let maximumResponseBytes: Int
    /// `User-Agent` sent unless the request sets its own.
    public let userAgent: String

    /// Creates a client; the default body limit is 16 MiB.
    public init(maximumResponseBytes: Int = 16 << 20, userAgent: String = "FlatDesk") {
        self.maximumResponseBytes = maximumResponseBytes
        self.userAgent = userAgent
    }

    /// Sends a request and returns the final response, whatever its status.
    /// - Throws: `OutboundHTTPError` for an invalid request, an oversized body or a failed exchange.
    public func send(_ request: OutboundHTTPRequest) throws(OutboundHTTPError) -> OutboundHTTPResponse {
        try Self.validate(request)
        let easy: CurlEasyHandle
        do {
            easy = try CurlEasyHandle()
        } catch {
            throw .transferFailed(curlCode: error.code, detail: error.detail, url: request.url)
        }
        let context = CurlTransferContext(maximumBodyBytes: maximumResponseBytes)
        let unmanaged = context.passRetained()
        defer { unmanaged.release() }
        do {
            let headerList = try CurlStringList(Self.headerLines(request))
            try configure(easy, request: request, headers: headerList, context: unmanaged)
            try easy.perform()
        } catch {
            if context.bodyLimitExceeded { throw .responseTooLarge(url: request.url, limit: maximumResponseBytes) }
            throw .transferFailed(curlCode: error.code, detail: error.detail, url: request.url)
        }
        return OutboundHTTPResponse(
            status: easy.responseCode(), headers: Self.parseHeaders(context.headerLines), body: context.body)
    }

    private func configure(
        _ easy: CurlEasyHandle, request: OutboundHTTPRequest, headers: CurlStringList,
        context: Unmanaged<CurlTransferContext>
    ) throws(CurlFailure) {
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        try easy.set(CURLOPT_MAXREDIRS, 5)
        try easy.set(CURLOPT_TIMEOUT_MS, Curl.milliseconds(request.timeout))
        try easy.set(CURLOPT_USERAGENT, userAgent)
        try easy.set(CURLOPT_ACCEPT_ENCODING, "")
        try easy.set(CURLOPT_HTTPHEADER, headers)
        try Self.configureMethod(easy, request: request)
        try easy.check(fd_curl_setopt_write_function(easy.handle, CurlCallbacks.write), "CURLOPT_WRITEFUNCTION")
        try easy.check(fd_curl_setopt_pointer(easy.handle, CURLOPT_WRITEDATA, context.toOpaque()), "CURLOPT_WRITEDATA")
        try easy.check(fd_curl_setopt_header_function(easy.handle, CurlCallbacks.header), "CURLOPT_HEADERFUNCTION")
        try easy.check(
            fd_curl_setopt_pointer(easy.handle, CURLOPT_HEADERDATA, context.toOpaque()), "CURLOPT_HEADERDATA")
    }

    /// Selects the method. A body is sent with `CURLOPT_COPYPOSTFIELDS`, which copies it into libcurl, and any
    /// method other than GET, HEAD and POST is set with `CURLOPT_CUSTOMREQUEST`.
    private static func configureMethod(_ easy: CurlEasyHandle, request: OutboundHTTPRequest) throws(CurlFailure) {
        switch request.method {
        case "GET" where request.body.isEmpty:
            try easy.set(CURLOPT_HTTPGET, 1)
            return
        case "HEAD":
            try easy.set(CURLOPT_NOBODY, 1)
            return
        default:
            break
        }
        if !request.body.isEmpty || request.method == "POST" {
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(request.body.count))
            let result = request.body.withUnsafeBytes { bytes in
                // An empty body has no base address; libcurl then needs a valid pointer to zero bytes.
                let pointer = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                return fd_curl_setopt_pointer(
                    easy.handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: pointer))
            }
            try easy.check(result, "CURLOPT_COPYPOSTFIELDS")
        }
        if request.method != "POST" {
            try easy.set(CURLOPT_CUSTOMREQUEST, request.method)
        }
    }
}
