import Foundation
import Synchronization

extension WebApp {
    /// Registers the inbound webhooks under `/api/webhooks`.
    ///
    /// `POST /api/webhooks/inbound-email` takes SendGrid Inbound Parse posts, raw or parsed form. The mail
    /// intake is created here, so its Message-ID scan of every ticket runs when the router is built.
    func registerWebhooks(on router: Router) {
        let intake = WebhookMailIntake(helpdesk: helpdesk, logger: logger.with(["component": "mail-intake"]))
        router.post("/api/webhooks/inbound-email") { [self] request in
            try receiveInboundEmail(request, intake: intake)
        }
    }

    /// Checks the shared secret, reads the payload and runs it through the mail intake.
    ///
    /// It returns 200 when the message was stored, recognised as a duplicate or dead-lettered, and 400 for a
    /// body that is not a payload. A missing or wrong secret gets 401. No configured secret, or a temporary
    /// failure, gets 503, after which SendGrid delivers the payload again.
    func receiveInboundEmail(_ request: HTTPRequest, intake: WebhookMailIntake) throws -> HTTPResponse {
        guard let secret = InboundWebhookSecret.configured(in: accounts.secrets) else {
            logger.error("inbound email rejected: no webhook secret is configured", ["request.id": request.requestID])
            throw HTTPError(
                status: 503,
                message: "The inbound email webhook has no secret. Run 'flatdesk mail secret' on the server, "
                    + "or set \(InboundWebhookSecret.environmentKey), then add it to the webhook URL.")
        }
        guard InboundWebhookSecret.isAuthorized(request, secret: secret) else {
            logger.warning("inbound email rejected: wrong or missing secret", ["request.id": request.requestID])
            let body = TicketJSON.encode(
                .object([("error", .string("Wrong or missing webhook secret.")), ("status", .number("401"))]))
            return HTTPResponse(
                status: 401,
                headers: [
                    "Content-Type": "application/json; charset=utf-8",
                    "WWW-Authenticate": "Basic realm=\"FlatDesk inbound email\"",
                ],
                body: Array(body.utf8))
        }
        let payload = try Self.inboundPayload(request)
        let result: MailIntakeResult
        do {
            result = try intake.get().ingest(sendGrid: payload)
        } catch let error as MailIntakeError {
            logger.error("inbound email deferred", ["request.id": request.requestID, "error": error.description])
            let body = TicketJSON.encode(
                .object([
                    ("error", .string("The message could not be stored yet; deliver it again later.")),
                    ("status", .number("503")),
                ]))
            return HTTPResponse(
                status: 503, headers: ["Content-Type": "application/json; charset=utf-8", "Retry-After": "60"],
                body: Array(body.utf8))
        }
        return Self.intakeResponse(result)
    }

    /// Reads the payload of a multipart body; throws 400 for anything else.
    static func inboundPayload(_ request: HTTPRequest) throws -> SendGridInboundPayload {
        do {
            return try SendGridInboundPayload.parse(try request.multipartParts())
        } catch let error as HTTPServerError {
            throw HTTPError.badRequest("The body is not a SendGrid Inbound Parse form: \(error.description)")
        } catch let error as MailIntakeError {
            throw HTTPError.badRequest("The body is not a SendGrid Inbound Parse form: \(error.description)")
        }
    }

    static func intakeResponse(_ result: MailIntakeResult) -> HTTPResponse {
        var pairs: [(key: String, value: JSONValue)] = [
            ("outcome", .string(result.outcome.rawValue)), ("messageId", .string(result.messageID)),
        ]
        if let ticket = result.ticketID { pairs.append(("ticket", .string(ticket))) }
        if let entry = result.entryID { pairs.append(("entry", .string(entry))) }
        if let reason = result.reason { pairs.append(("reason", .string(reason))) }
        return HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json; charset=utf-8"],
            body: Array(TicketJSON.encode(.object(pairs)).utf8))
    }
}

/// The web app's mail intake, created on first use again if its start-up scan failed.
final class WebhookMailIntake: Sendable {
    private let helpdesk: Helpdesk
    private let logger: Logger
    private let intake = Mutex<MailIntake?>(nil)

    init(helpdesk: Helpdesk, logger: Logger) {
        self.helpdesk = helpdesk
        self.logger = logger
        _ = try? get()
    }

    /// Returns the intake, creating it if needed; throws 503 when reading the repository for it failed.
    func get() throws -> MailIntake {
        try intake.withLock { current in
            if let current { return current }
            do {
                let created = try MailIntake(helpdesk: helpdesk, logger: logger)
                current = created
                return created
            } catch {
                logger.error("starting the mail intake failed", ["error": "\(error)"])
                throw HTTPError(status: 503, message: "The mail intake could not start; see the server log.")
            }
        }
    }
}
