import Foundation
import Testing

@testable import FlatDesk

@Suite struct CommandLineTests {
    func flatdesk(_ arguments: [String], in folder: String, input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        try TestSupport.run(TestSupport.executable, arguments, in: folder, input: input, environment: ["FLATDESK_USER": "agent@example.com"])
    }

    @Test func firstSessionWorks() throws {
        let root = TestSupport.temporaryFolder("cli")
        #expect(try flatdesk(["init", "desk", "--name", "CLI Desk", "--prefix", "IT"], in: root).status == 0)
        let desk = root + "/desk"
        let created = try flatdesk(["new", "Monitor flickers", "--priority", "high", "--requester", "ann@example.com"], in: desk, input: "Since Monday.")
        #expect(created.status == 0)
        #expect(created.output.hasPrefix("IT-1  Monitor flickers"))
        #expect(try flatdesk(["set", "IT-1", "status=in_progress", "+tag=display"], in: desk).status == 0)
        #expect(try flatdesk(["reply", "IT-1", "A new cable is on its way."], in: desk).status == 0)
        #expect(try flatdesk(["note", "IT-1", "Cable from stock."], in: desk).status == 0)
        let shown = try flatdesk(["show", "IT-1", "--json"], in: desk)
        #expect(shown.output.contains("\"status\": \"in_progress\""))
        #expect(shown.output.contains("\"text\": \"Since Monday.\""))
        let listed = try flatdesk(["list", "--json"], in: desk)
        #expect(listed.output.contains("\"id\": \"IT-1\""))
        let log = try flatdesk(["log", "IT-1"], in: desk)
        #expect(log.output.split(separator: "\n").count == 4)
        #expect(try flatdesk(["check"], in: desk).status == 0)
        #expect(try TestSupport.git(["status", "--porcelain"], in: desk) == "")
    }

    @Test func usageErrorsExitWith64() throws {
        let root = TestSupport.temporaryFolder("cli")
        let unknownCommand = try flatdesk(["frobnicate"], in: root)
        #expect(unknownCommand.status == 64)
        #expect(unknownCommand.error.contains("unknown command 'frobnicate'"))
        let unknownOption = try flatdesk(["list", "--colour"], in: root)
        #expect(unknownOption.status == 64)
        #expect(unknownOption.error.contains("unknown option '--colour'"))
        let badPriority = try flatdesk(["new", "S", "--priority", "hihg"], in: root)
        #expect(badPriority.status == 64)
        #expect(badPriority.error.contains("invalid --priority 'hihg'"))
        let help = try flatdesk(["set", "--help"], in: root)
        #expect(help.status == 0)
        #expect(help.output.contains("Usage: flatdesk set"))
    }

    @Test func invalidValuesExitWith64() throws {
        let root = TestSupport.temporaryFolder("cli")
        #expect(try flatdesk(["init", "desk"], in: root).status == 0)
        let desk = root + "/desk"
        #expect(try flatdesk(["new", "Printer jams", "--requester", "ann@example.com", "--text", "Tray 2."], in: desk).status == 0)
        let badStatus = try flatdesk(["set", "FD-1", "status=flying"], in: desk)
        #expect(badStatus.status == 64)
        #expect(badStatus.error.contains("invalid status 'flying'"))
        let badFilter = try flatdesk(["list", "--status", "bogus"], in: desk)
        #expect(badFilter.status == 64)
        #expect(badFilter.error.contains("invalid --status 'bogus'"))
        let help = try flatdesk(["--help"], in: desk)
        #expect(help.output.contains("  http-ceiling  Serve"), "long command names keep a gap before the summary")
    }

    @Test func checkReportsBrokenFilesWithStatus1() throws {
        let desk = try TestSupport.sampleHelpdesk()
        let file = desk + "/" + Ticket.path(for: "FD-5")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"priority\": \"", with: "\"priority\": \"hihg\", \"was\": \"").write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Typo"], in: desk)
        let result = try flatdesk(["check"], in: desk)
        #expect(result.status == 1)
        #expect(result.output.contains("tickets/000/FD-5.md:6: error: invalid priority 'hihg' (expected low, medium, high or urgent)"))
        let missing = try flatdesk(["show", "FD-999"], in: desk)
        #expect(missing.status == 1)
        #expect(missing.error.contains("ticket FD-999 not found"))
    }
}

@Suite struct SettingsValidationTests {
    func breakSLA(_ desk: String) throws {
        let file = desk + "/settings/sla.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Europe/Berlin", with: "Europe/Atlantis").write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Use a time zone that does not exist"], in: desk)
    }

    @Test func checkReportsInvalidSLASettings() throws {
        let desk = try TestSupport.sampleHelpdesk()
        try breakSLA(desk)
        let result = try TestSupport.run(TestSupport.executable, ["check"], in: desk)
        #expect(result.status == 1)
        #expect(result.output.contains("settings/sla.json: error:"))
        #expect(result.output.contains("Europe/Atlantis"))
    }

    @Test func serverRefusesToStartOnInvalidSettings() throws {
        let desk = try TestSupport.sampleHelpdesk()
        try breakSLA(desk)
        let result = try TestSupport.run(TestSupport.executable, ["serve", desk, "--port", "0"], in: desk)
        #expect(result.status == 1)
        #expect(result.error.contains("Europe/Atlantis"))
        #expect(result.error.contains("refusing to start"))
    }
}
