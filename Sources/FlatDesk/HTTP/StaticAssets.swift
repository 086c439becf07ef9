import CSodium

/// Files compiled into the binary (CSS, JavaScript, images), served by path with `ETag` and a one-day
/// `Cache-Control`. A request whose `If-None-Match` lists the current ETag gets 304 Not Modified.
public struct StaticAssets: Sendable {
    /// One asset's bytes and the headers it is served with.
    public struct Asset: Sendable, Equatable {
        public var contentType: String
        public var body: [UInt8]
        /// A strong entity tag derived from the content, quoted as it appears in headers.
        public var etag: String
    }

    /// The `Cache-Control` value sent with every asset.
    public static let cacheControl = "public, max-age=86400"

    private var assets: [String: Asset] = [:]

    /// Creates an empty set of assets.
    public init() {}

    /// Adds or replaces the asset at `path`, such as `/assets/app.css`.
    public mutating func add(_ path: String, contentType: String, bytes: [UInt8]) {
        assets[path] = Asset(contentType: contentType, body: bytes, etag: Self.entityTag(for: bytes))
    }

    /// Adds or replaces a text asset at `path`, stored as UTF-8.
    public mutating func add(_ path: String, contentType: String, text: String) {
        add(path, contentType: contentType, bytes: Array(text.utf8))
    }

    /// Returns the asset at `path`, or nil.
    public func asset(at path: String) -> Asset? {
        assets[path]
    }

    /// The paths of all assets, sorted.
    public var paths: [String] { assets.keys.sorted() }

    /// Returns the response for `request`: the asset, 304 when `If-None-Match` matches its ETag, or nil when no
    /// asset has the request's path.
    public func response(for request: HTTPRequest) -> HTTPResponse? {
        guard let asset = assets[request.path] else { return nil }
        var headers: HTTPHeaders = ["ETag": asset.etag, "Cache-Control": Self.cacheControl]
        if let condition = request.header("If-None-Match"), Self.matches(condition, asset.etag) {
            return HTTPResponse(status: 304, headers: headers)
        }
        headers.add("Content-Type", asset.contentType)
        return HTTPResponse(status: 200, headers: headers, body: asset.body)
    }

    /// Registers a GET route (which also serves HEAD) for every asset currently added.
    public func register(on router: Router) {
        for path in paths {
            router.get(path) { request in response(for: request) ?? .notFound }
        }
    }

    /// Tells whether an `If-None-Match` value lists `etag` or is `*`, using the weak comparison of
    /// RFC 9110 section 13.1.2, which ignores a `W/` prefix.
    static func matches(_ condition: String, _ etag: String) -> Bool {
        condition.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingPrefix(while: \.isWhitespace).trimmingSuffix(while: \.isWhitespace)
            return tag == "*" || tag.trimmingPrefix("W/") == etag
        }
    }

    /// Returns a quoted BLAKE2b-128 hash of `bytes` in hexadecimal, computed with libsodium's `crypto_generichash`.
    static func entityTag(for bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 16)
        _ = sodium_init()
        _ = crypto_generichash(&digest, digest.count, bytes, UInt64(bytes.count), nil, 0)
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return "\"" + hex.joined() + "\""
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) {
            result = result.dropLast()
        }
        return result
    }
}
