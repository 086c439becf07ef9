import Dispatch
import Foundation
import Synchronization

/// Measures the SLA engine and the due queue on synthetic tickets.
public enum SLABenchmark {
    /// Timings of one run.
    public struct Result: Sendable, CustomStringConvertible {
        /// Number of synthetic tickets.
        public let ticketCount: Int
        /// Computing both due times of every ticket on one thread.
        public let dueTimes: Duration
        /// Evaluating every ticket on one thread.
        public let evaluation: Duration
        /// Due times plus evaluation of every ticket, split across `workerCount` threads.
        public let parallelDueTimesAndEvaluation: Duration
        /// Threads used for `parallelDueTimesAndEvaluation`.
        public let workerCount: Int
        /// Scheduling every ticket in an empty `SLADueQueue`.
        public let queuePush: Duration
        /// Rescheduling every ticket at a new time.
        public let queueReschedule: Duration
        /// Popping every ticket from the queue.
        public let queuePop: Duration
        /// Tickets found breached, a check that the evaluation ran.
        public let breachedCount: Int

        /// The timings as one line per measurement.
        public var description: String {
            """
            tickets: \(ticketCount)
            due times, 1 thread: \(Self.milliseconds(dueTimes))
            evaluation, 1 thread: \(Self.milliseconds(evaluation))
            due times + evaluation, \(workerCount) threads: \(Self.milliseconds(parallelDueTimesAndEvaluation))
            queue push: \(Self.milliseconds(queuePush))
            queue reschedule: \(Self.milliseconds(queueReschedule))
            queue pop: \(Self.milliseconds(queuePop))
            breached tickets: \(breachedCount)
            """
        }

        private static func milliseconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%.1f ms", value)
        }
    }

    /// Builds `ticketCount` synthetic tickets created at random instants of 2026 under a business calendar
    /// in Europe/Berlin, and times due-time computation, evaluation and the due queue.
    ///
    /// - Parameters:
    ///   - ticketCount: Number of tickets, such as 100,000.
    ///   - workerCount: Threads for the parallel measurement; defaults to the active processor count.
    /// - Throws: `SLAError` if the built-in benchmark settings fail to load.
    public static func run(ticketCount: Int, workerCount: Int? = nil) throws(SLAError) -> Result {
        let settings = try SLASettings.load(slaJSON: Data(settingsJSON.utf8), statusesJSON: nil)
        let now = Date(timeIntervalSince1970: 1_782_000_000)  // 2026-06-21
        let engine = SLAEngine(settings: settings, clock: ManualSLAClock(now))
        let inputs = makeInputs(count: ticketCount)
        let clock = ContinuousClock()

        var states: [SLAState] = []
        let dueTimes = clock.measure { states = inputs.map { create($0, engine: engine) } }
        var evaluations: [SLAEvaluation] = []
        let evaluation = clock.measure { evaluations = states.map { engine.evaluate($0) } }
        let workers = max(1, workerCount ?? ProcessInfo.processInfo.activeProcessorCount)
        let parallel = clock.measure { _ = runParallel(inputs, engine: engine, workers: workers) }
        let queue = measureQueue(evaluations: evaluations, states: states, now: now)
        return Result(
            ticketCount: ticketCount, dueTimes: dueTimes, evaluation: evaluation,
            parallelDueTimesAndEvaluation: parallel, workerCount: workers, queuePush: queue.push,
            queueReschedule: queue.reschedule, queuePop: queue.pop,
            breachedCount: evaluations.filter { !$0.breachedNow.isEmpty }.count)
    }

    private struct Input: Sendable {
        let createdAt: Date
        let priority: SLAPriority
        let ticketType: String
    }

    private static func makeInputs(count: Int) -> [Input] {
        var generator = SLASplitMix64(seed: 20_260_101)
        let yearStart = 1_767_225_600  // 2026-01-01T00:00:00Z
        let types = SLASettingsReader.ticketTypes
        return (0..<count).map { _ in
            Input(
                createdAt: Date(
                    timeIntervalSince1970: TimeInterval(yearStart + Int.random(in: 0..<31_536_000, using: &generator))),
                priority: SLAPriority.allCases.randomElement(using: &generator) ?? .medium,
                ticketType: types.randomElement(using: &generator) ?? "incident")
        }
    }

    private static func create(_ input: Input, engine: SLAEngine) -> SLAState {
        engine.created(
            ticketType: input.ticketType, priority: input.priority, organizationId: nil, at: input.createdAt)
    }

    /// Computes and evaluates every ticket on `workers` threads; returns the number breached.
    private static func runParallel(_ inputs: [Input], engine: SLAEngine, workers: Int) -> Int {
        let breached = Atomic<Int>(0)
        let chunk = (inputs.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(worker * chunk, inputs.count)..<min((worker + 1) * chunk, inputs.count)
            var count = 0
            for input in inputs[range] where !engine.evaluate(create(input, engine: engine)).breachedNow.isEmpty {
                count += 1
            }
            breached.add(count, ordering: .relaxed)
        }
        return breached.load(ordering: .relaxed)
    }

    private static func measureQueue(
        evaluations: [SLAEvaluation], states: [SLAState], now: Date
    ) -> (push: Duration, reschedule: Duration, pop: Duration) {
        let clock = ContinuousClock()
        let ids = states.indices.map { "FD-\($0 + 1)" }
        var queue = SLADueQueue()
        let push = clock.measure {
            for (index, id) in ids.enumerated() {
                queue.schedule(id, at: evaluations[index].nextWakeUp ?? states[index].resolutionDueAt ?? now)
            }
        }
        let reschedule = clock.measure {
            for (index, id) in ids.enumerated() { queue.schedule(id, at: states[index].createdAt) }
        }
        let pop = clock.measure { _ = queue.popDue(now: .distantFuture) }
        return (push, reschedule, pop)
    }

    private static let settingsJSON = """
        {
          "formatVersion": 1,
          "calendars": {
            "office": {
              "timeZone": "Europe/Berlin",
              "hours": {
                "mon": [["08:00", "12:00"], ["13:00", "17:00"]], "tue": [["08:00", "12:00"], ["13:00", "17:00"]],
                "wed": [["08:00", "12:00"], ["13:00", "17:00"]], "thu": [["08:00", "12:00"], ["13:00", "17:00"]],
                "fri": [["08:00", "12:00"], ["13:00", "17:00"]], "sat": [], "sun": []
              },
              "holidays": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-24", "2026-12-25"]
            }
          },
          "policies": [
            {"id": "standard", "clock": "business", "calendar": "office", "targets": {
              "low": {"firstResponseMinutes": 480, "resolutionMinutes": 2400},
              "medium": {"firstResponseMinutes": 240, "resolutionMinutes": 1440},
              "high": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
              "urgent": {"firstResponseMinutes": 30, "resolutionMinutes": 240}}},
            {"id": "critical", "clock": "calendar", "targets": {
              "low": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
              "medium": {"firstResponseMinutes": 30, "resolutionMinutes": 240},
              "high": {"firstResponseMinutes": 15, "resolutionMinutes": 120},
              "urgent": {"firstResponseMinutes": 15, "resolutionMinutes": 60}}}
          ],
          "defaultPolicy": "standard",
          "overrides": [{"ticketType": "incident", "priority": "urgent", "policy": "critical"}],
          "warningMinutesBeforeDue": 60,
          "breachingSoonMinutes": 240
        }
        """
}
