import Testing

@testable import FlatDesk

@Suite struct MailAttachmentNameTests {
    @Test(arguments: [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\tom\\report.pdf", "report.pdf"),
        ("..\\..\\evil.exe", "evil.exe"),
        ("C:report.pdf", "report.pdf"),
        (".htaccess", "htaccess"),
        ("...hidden.txt", "hidden.txt"),
        ("report..final.pdf", "report.final.pdf"),
        ("a\u{0}b\u{7}c\u{1B}.txt", "abc.txt"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.exe"),
        ("  spaced name.docx  ", "spaced name.docx"),
        ("Grüße aus Köln.pdf", "Grüße aus Köln.pdf"),
    ])
    func unsafeNameIsCleaned(declared: String, expected: String) {
        #expect(MailAttachmentName.sanitized(declared, position: 1) == expected)
    }

    @Test(arguments: [nil, "", "..", "...", "/", "C:\\", " . "])
    func missingNameFallsBackToPosition(declared: String?) {
        #expect(MailAttachmentName.sanitized(declared, position: 3) == "attachment-3.bin")
    }

    @Test func attachedMessageGetsEmlExtension() {
        #expect(MailAttachmentName.sanitized("Re: VPN", requiredExtension: "eml", position: 1) == "Re: VPN.eml")
        #expect(MailAttachmentName.sanitized("forward.EML", requiredExtension: "eml", position: 1) == "forward.EML")
        #expect(MailAttachmentName.sanitized(nil, requiredExtension: "eml", position: 2) == "attachment-2.eml")
    }

    @Test func longNameKeepsExtension() {
        let name = MailAttachmentName.sanitized(String(repeating: "a", count: 300) + ".pdf", position: 1)
        #expect(name.utf8.count == 200)
        #expect(name.hasSuffix("aaa.pdf"))
    }

    @Test func longMultibyteNameCutsOnCharacter() {
        let name = MailAttachmentName.sanitized(String(repeating: "日本", count: 60) + ".txt", position: 1)
        #expect(name.utf8.count <= 200)
        #expect(name.utf8.count > 190)
        #expect(name.hasSuffix("本.txt") || name.hasSuffix("日.txt"))
    }

    @Test func longExtensionIsNotKeptWhole() {
        let name = MailAttachmentName.sanitized("a." + String(repeating: "x", count: 300), position: 1)
        #expect(name.utf8.count == 200)
    }
}
