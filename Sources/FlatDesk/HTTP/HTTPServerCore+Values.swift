import CMicroHTTPD

extension HTTPServerCore {
    /// Copies everything the handler may read out of libmicrohttpd into an `HTTPRequest`.
    func makeRequest(
        _ connection: OpaquePointer,
        _ state: HTTPRequestState,
        method: HTTPMethod,
        path: String
    ) -> HTTPRequest {
        var headers = HTTPHeaders()
        for (name, value) in Self.values(connection, .HEADER_KIND) {
            headers.add(Self.text(name), Self.text(value))
        }
        var cookies: [String: String] = [:]
        for (name, value) in Self.values(connection, .COOKIE_KIND) where cookies[Self.text(name)] == nil {
            cookies[Self.text(name)] = Self.text(value)
        }
        let body = state.body
        state.body = []
        return HTTPRequest(
            method: method,
            path: path,
            rawPath: state.rawPath,
            queryParameters: Self.queryParameters(connection),
            headers: headers,
            cookies: cookies,
            body: body,
            remoteAddress: peers.address(of: connection),
            requestID: state.requestID
        )
    }

    /// The query string pairs; the unescape callback left them encoded, so they are decoded here.
    private static func queryParameters(_ connection: OpaquePointer) -> HTTPParameters {
        let items = values(connection, .GET_ARGUMENT_KIND).map { name, value in
            HTTPParameters.Item(
                name: String(decoding: HTTPPercentDecoding.decode(name, plusAsSpace: true), as: UTF8.self),
                value: String(decoding: HTTPPercentDecoding.decode(value, plusAsSpace: true), as: UTF8.self)
            )
        }
        return HTTPParameters(items)
    }

    /// Returns the first value of the request header `name`, or nil.
    static func lookupHeader(_ connection: OpaquePointer, _ name: String) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    /// Returns all name and value byte pairs of `kind`, in the order libmicrohttpd stores them.
    static func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [([UInt8], [UInt8])] {
        var pairs: [([UInt8], [UInt8])] = []
        withUnsafeMutablePointer(to: &pairs) { pointer in
            _ = MHD_get_connection_values_n(
                connection,
                kind,
                { context, _, key, keySize, value, valueSize in
                    guard let context, let key else { return .YES }
                    let name = Array(UnsafeRawBufferPointer(start: key, count: keySize))
                    let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: valueSize)) } ?? []
                    context.assumingMemoryBound(to: [([UInt8], [UInt8])].self).pointee.append((name, bytes))
                    return .YES
                },
                pointer
            )
        }
        return pairs
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
