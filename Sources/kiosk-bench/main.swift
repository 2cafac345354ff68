// Micro-benchmarks for the parts of kiosk that `bench/run.sh` cannot time from outside.
// Not a test and not shipped: run by hand in release on a quiet machine.
//
//   swift run -c release kiosk-bench append [count]        # durable append latency
//   swift run -c release kiosk-bench report JOURNAL [dir]  # reading vs building the report
import Foundation
import KioskCore

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "append":
    let count = arguments.dropFirst().first.flatMap(Int.init) ?? 2000
    AppendBenchmark(count: count).run()
case "report" where arguments.count >= 2:
    ReportBenchmark(journal: arguments[1], questionnaires: arguments.dropFirst(2).first ?? "questionnaires").run()
default:
    FileHandle.standardError.write(Data("usage: kiosk-bench append [count] | report JOURNAL [questionnaires]\n".utf8))
    exit(2)
}
