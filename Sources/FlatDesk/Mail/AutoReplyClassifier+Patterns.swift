extension AutoReplyClassifier {
    /// Headers whose presence marks an automatic reply, as vacation programs and ticket systems write them.
    static let autoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Autoresponse", "X-Autoresponder"]

    /// `Precedence` values of bulk and list mail, to which RFC 3834 recommends automatic responders send no reply.
    static let bulkPrecedences: Set<String> = ["bulk", "junk", "list", "auto_reply"]

    /// Local parts mail servers send delivery reports from.
    static let mailerDaemonLocalParts: Set<String> = ["mailer-daemon", "mailer_daemon", "mailerdaemon"]

    /// Local parts of addresses that accept no replies.
    static let noReplyLocalParts: Set<String> = [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
    ]

    /// Subject beginnings (lower case) of out-of-office and other automatic replies, in the languages
    /// Exchange, Gmail, Apple Mail and common vacation programs use.
    static let autoReplySubjects = [
        "out of office", "out of the office", "automatic reply", "auto reply", "auto-reply", "autoreply",
        "auto response", "auto-response", "autoresponse", "automatische antwort", "abwesenheitsnotiz",
        "automatische antwort", "réponse automatique", "reponse automatique", "absence du bureau",
        "respuesta automática", "respuesta automatica", "fuera de la oficina", "automatisch antwoord",
        "afwezigheidsbericht", "risposta automatica", "fuori sede", "resposta automática", "resposta automatica",
        "autosvar", "automatisk svar", "automaattinen vastaus", "automatyczna odpowiedź", "автоответ",
        "автоматический ответ", "自動応答", "自动回复",
    ]

    /// Subject beginnings (lower case) of delivery failure reports from common mail servers.
    static let bounceSubjects = [
        "undelivered mail returned to sender", "undeliverable", "undelivered mail", "delivery status notification",
        "delivery failure", "delivery has failed", "delivery notification: delivery has failed",
        "mail delivery failed", "mail delivery failure", "returned mail:", "failure notice", "mail system error",
        "non remis", "non distribuable", "unzustellbar", "nicht zustellbar", "no se puede entregar",
        "onbestelbaar", "non recapitabile", "メールエラー通知",
    ]

    /// Subject beginnings (lower case) of Outlook read receipts.
    static let readReceiptSubjects = ["read:", "gelesen:", "lu :", "lu:", "leído:", "gelezen:", "letto:", "lido:"]
}
