import Testing
@testable import FlatDesk
@Test func loggerWritesMetadata() {
    let sink = CapturingLogSink()
    Logger(label: "t", sink: sink).info("started", ["ticket.id": "FD-1"])
    #expect(sink.captured.first?.contains("ticket.id=FD-1") == true)
}
