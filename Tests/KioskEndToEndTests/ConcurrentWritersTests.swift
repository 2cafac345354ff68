import Foundation
import KioskCore
import KioskTestSupport
import Testing

/// Many kiosks appending to one journal while some are killed outright: nothing torn, nothing
/// lost, nothing doubled.
@Suite struct ConcurrentWritersTests {
    @Test func dozensOfWritersWithAQuarterKilledLeaveAWholeJournal() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        signal(SIGPIPE, SIG_IGN)
        let writerCount = 32
        var generator = SeededGenerator(seed: 20261123)
        let victims = Set((0..<writerCount).shuffled(using: &generator).prefix(writerCount / 4))

        // One victim is killed before it is given its answers, so that at least one surely
        // dies however busy the machine is (under the whole suite's load, spawning the 32 once
        // took so long that every victim had finished before the kill loop reached it).
        let killedBeforeAnswering = victims.min()
        var processes: [Process] = []
        for writer in 0..<writerCount {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: KioskBinary.path)
            process.arguments = fixture.runArguments()
            process.environment = fixture.environment()
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if writer == killedBeforeAnswering {
                kill(process.processIdentifier, SIGKILL)
            } else {
                input.fileHandleForWriting.write(Data("\n7\nwriter \(writer)\n1\n\n".utf8))
            }
            try? input.fileHandleForWriting.close()
            processes.append(process)
        }
        // Kill the other victims at scattered moments: some before, some during, some after
        // their write.
        for writer in victims.sorted() where writer != killedBeforeAnswering {
            usleep(UInt32.random(in: 0...15_000, using: &generator))
            kill(processes[writer].processIdentifier, SIGKILL)
        }
        var savedWriters: Set<Int> = []
        var killedCount = 0
        for (writer, process) in processes.enumerated() {
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { savedWriters.insert(writer) }
            if process.terminationReason == .uncaughtSignal { killedCount += 1 }
        }
        #expect(killedCount > 0, "the test only means something if some writers really died")

        let (records, summary) = try readAll([fixture.journalPath])
        #expect(summary.problemCount == 0, "every line parses: \(summary.problems)")
        #expect(summary.duplicateCount == 0)
        let written = records.compactMap { record -> Int? in
            guard case .text(let reason)? = record.answer(to: "reason") else { return nil }
            return Int(reason.dropFirst("writer ".count))
        }
        #expect(written.count == Set(written).count, "no response written twice")
        #expect(savedWriters.isSubset(of: Set(written)), "every run that exited 0 is in the journal")
        #expect(Set(written).isSubset(of: Set(0..<writerCount)))
        #expect(savedWriters.count >= writerCount - victims.count, "the writers nobody killed all finished")

        let check = try KioskBinary.runPiped(["check", fixture.journalPath], input: "", environment: fixture.environment())
        #expect(check.status == 0, "\(check.standardError)")
    }
}
