import CCurl

/// Failures of `SMTPClient.send`, split into temporary ones an outbox retries and permanent ones it does not.
public enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// A configuration field is unusable; fix the setting.
    case invalidConfiguration(field: String, value: String, reason: String)
    /// An envelope address (`from` or `recipients`) has a syntax FlatDesk does not send.
    case invalidAddress(field: String, address: String)
    /// `send` was called with an empty recipient list.
    case missingRecipients
    /// The server replied with an SMTP error code: 4xx is temporary, 5xx permanent.
    case rejected(replyCode: Int, detail: String, url: String)
    /// The session failed without an SMTP error reply: connection refused, timeout, TLS or protocol failure.
    case transferFailed(curlCode: Int, detail: String, url: String)

    /// libcurl results that mean the server could not be reached or the connection broke, which may heal.
    static let temporaryCurlCodes: Set<Int> = [
        CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT,
        CURLE_SSL_CONNECT_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
    ].reduce(into: []) { $0.insert(Int($1.rawValue)) }

    /// True when sending the same message later may succeed: a 4xx reply, a refused or broken connection,
    /// a DNS failure or a timeout. Invalid input, 5xx replies and TLS verification failures are permanent.
    public var isTemporary: Bool {
        switch self {
        case .rejected(let replyCode, _, _): (400..<500).contains(replyCode)
        case .transferFailed(let curlCode, _, _): Self.temporaryCurlCodes.contains(curlCode)
        case .invalidConfiguration, .invalidAddress, .missingRecipients: false
        }
    }

    public var description: String {
        switch self {
        case .invalidConfiguration(let field, let value, let reason):
            "invalid SMTP setting \(field) \(String(reflecting: value)): \(reason)"
        case .invalidAddress(let field, let address):
            "invalid email address \(String(reflecting: address)) in \(field): expected local@domain in ASCII "
                + "without spaces, angle brackets or control characters"
        case .missingRecipients:
            "no recipients given: pass at least one address"
        case .rejected(let replyCode, let detail, let url):
            "SMTP server \(url) rejected the message with reply \(replyCode) (\(detail)); "
                + (isTemporary ? "retry later" : "the message will not be accepted as it is")
        case .transferFailed(let curlCode, let detail, let url):
            "sending mail through \(url) failed: \(detail) (curl code \(curlCode)); "
                + (isTemporary ? "check that the server is reachable, then retry" : "check the SMTP settings")
        }
    }
}
