import CCurl

/// Submits one message per call to an SMTP server through libcurl.
///
/// `send` blocks the calling thread for the whole SMTP session (up to the configured timeout), so callers on
/// Swift's cooperative thread pool should run it on a thread of their own.
public struct SMTPClient: Sendable {
    /// Server, credentials and policies used for every message.
    public let configuration: SMTPConfiguration
    private let logger: Logger

    /// Creates a client; the logger records each sent message and each failure, never the password.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "flatdesk.smtp")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Sends a complete RFC 5322 message (headers and body, CRLF line endings) to the given envelope recipients.
    /// libcurl adds the dot-stuffing and the final `.` line.
    /// - Parameters:
    ///   - sender: the envelope sender (`MAIL FROM`); an empty string sends the null sender `<>`.
    ///   - recipients: envelope recipients (`RCPT TO`), To, Cc and Bcc together. The message is sent only if
    ///     the server accepts every one of them.
    ///   - message: the message bytes, for example from `MailComposer`.
    /// - Throws: `SMTPError`; an outbox retries it when `isTemporary` is true.
    public func send(from sender: String, recipients: [String], message: [UInt8]) throws(SMTPError) {
        try configuration.validate()
        try Self.validateEnvelope(sender: sender, recipients: recipients)
        do {
            try transfer(sender: sender, recipients: recipients, message: message)
        } catch {
            logger.warning(
                "smtp send failed",
                ["smtp.url": configuration.url, "error": error.description, "error.temporary": "\(error.isTemporary)"])
            throw error
        }
        logger.info(
            "smtp message sent",
            ["smtp.url": configuration.url, "smtp.recipients": "\(recipients.count)", "smtp.bytes": "\(message.count)"])
    }

    static func validateEnvelope(sender: String, recipients: [String]) throws(SMTPError) {
        guard sender.isEmpty || EmailAddressSyntax.isValid(sender) else {
            throw .invalidAddress(field: "from", address: sender)
        }
        guard !recipients.isEmpty else { throw .missingRecipients }
        for recipient in recipients where !EmailAddressSyntax.isValid(recipient) {
            throw .invalidAddress(field: "recipients", address: recipient)
        }
    }

    /// Runs one SMTP session and turns a libcurl failure into an `SMTPError`.
    private func transfer(sender: String, recipients: [String], message: [UInt8]) throws(SMTPError) {
        let easy: CurlEasyHandle
        do {
            easy = try CurlEasyHandle()
        } catch {
            throw .transferFailed(curlCode: error.code, detail: error.detail, url: configuration.url)
        }
        let context = CurlTransferContext(upload: message).passRetained()
        defer { context.release() }
        do {
            let recipientList = try CurlStringList(recipients.map { "<\($0)>" })
            try configure(easy, sender: sender, recipients: recipientList, context: context)
            try easy.perform()
        } catch {
            throw classify(error, replyCode: easy.responseCode())
        }
    }

    private func configure(
        _ easy: CurlEasyHandle, sender: String, recipients: CurlStringList, context: Unmanaged<CurlTransferContext>
    ) throws(CurlFailure) {
        try easy.set(CURLOPT_URL, configuration.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        try easy.set(CURLOPT_MAIL_FROM, "<\(sender)>")
        try easy.set(CURLOPT_MAIL_RCPT, recipients)
        try easy.set(CURLOPT_USE_SSL, Self.useSSL(configuration.startTLS))
        try easy.set(CURLOPT_TIMEOUT_MS, Curl.milliseconds(configuration.timeout))
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Curl.milliseconds(configuration.timeout))
        try configureCredentials(easy)
        try easy.set(CURLOPT_UPLOAD, 1)
        try easy.check(fd_curl_setopt_read_function(easy.handle, CurlCallbacks.read), "CURLOPT_READFUNCTION")
        try easy.check(fd_curl_setopt_pointer(easy.handle, CURLOPT_READDATA, context.toOpaque()), "CURLOPT_READDATA")
        try easy.check(fd_curl_setopt_write_function(easy.handle, CurlCallbacks.discard), "CURLOPT_WRITEFUNCTION")
    }

    private func configureCredentials(_ easy: CurlEasyHandle) throws(CurlFailure) {
        guard let username = configuration.username else { return }
        try easy.set(CURLOPT_USERNAME, username)
        try easy.set(CURLOPT_PASSWORD, configuration.password ?? "")
        if let mechanism = configuration.authMechanism {
            try easy.set(CURLOPT_LOGIN_OPTIONS, "AUTH=\(mechanism.rawValue)")
        }
    }

    private static func useSSL(_ policy: SMTPConfiguration.StartTLS) -> Int {
        switch policy {
        case .none: Int(CURLUSESSL_NONE.rawValue)
        case .optional: Int(CURLUSESSL_TRY.rawValue)
        case .required: Int(CURLUSESSL_ALL.rawValue)
        }
    }

    /// Uses the last SMTP reply code when it is an error reply (4xx or 5xx); otherwise the libcurl code decides.
    private func classify(_ failure: CurlFailure, replyCode: Int) -> SMTPError {
        if replyCode >= 400 {
            return .rejected(replyCode: replyCode, detail: failure.detail, url: configuration.url)
        }
        return .transferFailed(curlCode: failure.code, detail: failure.detail, url: configuration.url)
    }
}
