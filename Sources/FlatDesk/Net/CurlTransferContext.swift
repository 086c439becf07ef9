import CCurl

/// State that libcurl's callbacks read and write during one transfer: the bytes to upload and the response
/// headers and body received. The transfer passes it to C as an `Unmanaged` pointer retained for its duration.
final class CurlTransferContext {
    let upload: [UInt8]
    private(set) var uploadOffset = 0
    private(set) var body: [UInt8] = []
    private(set) var headerLines: [String] = []
    /// Largest response body accepted, in bytes; the write callback aborts the transfer beyond it.
    let maximumBodyBytes: Int
    private(set) var bodyLimitExceeded = false

    init(upload: [UInt8] = [], maximumBodyBytes: Int = 0) {
        self.upload = upload
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Copies the next upload bytes into libcurl's buffer; returns 0 at the end of the data.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, upload.count - uploadOffset)
        guard count > 0 else { return 0 }
        upload.withUnsafeBytes { source in
            guard let base = source.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + uploadOffset, byteCount: count)
        }
        uploadOffset += count
        return count
    }

    /// Appends received body bytes; returns a count other than `count` to make libcurl abort with
    /// `CURLE_WRITE_ERROR` when the body would exceed `maximumBodyBytes`.
    func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard body.count + bytes.count <= maximumBodyBytes else {
            bodyLimitExceeded = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Stores one raw header line. A status line (`HTTP/…`) starts a new response, after a redirect or a
    /// `100 Continue`, so it clears the lines of the previous one.
    func receiveHeader(_ bytes: UnsafeBufferPointer<UInt8>) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") { headerLines.removeAll() }
        headerLines.append(line)
    }

    func passRetained() -> Unmanaged<CurlTransferContext> { Unmanaged.passRetained(self) }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> CurlTransferContext? {
        guard let pointer else { return nil }
        return Unmanaged<CurlTransferContext>.fromOpaque(pointer).takeUnretainedValue()
    }
}

/// C callbacks for `CURLOPT_READFUNCTION`, `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION`; each finds its
/// `CurlTransferContext` through the matching `*DATA` pointer.
enum CurlCallbacks {
    static let read: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        buffer, size, count, userData in
        guard let buffer, let context = CurlTransferContext.from(userData) else { return Int(CURL_READFUNC_ABORT) }
        return context.read(into: buffer, capacity: size * count)
    }

    static let write: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userData in
        guard let data, let context = CurlTransferContext.from(userData) else { return 0 }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
        return context.receiveBody(bytes)
    }

    /// Accepts and drops response data, for SMTP, where libcurl would otherwise print it to standard output.
    static let discard: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        _, size, count, _ in size * count
    }

    static let header: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, userData in
        guard let data, let context = CurlTransferContext.from(userData) else { return 0 }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
        context.receiveHeader(bytes)
        return size * count
    }
}
