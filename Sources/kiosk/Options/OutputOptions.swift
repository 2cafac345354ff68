import ArgumentParser
import KioskCore

/// Where a reading command writes: standard output, or a file that must not be one of the
/// journals it reads.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Refuses an output file that is one of `journals`: truncating it would destroy responses.
    func validate(against journals: [String]) throws {
        guard let output else { return }
        for journal in journals where OutputFile.isSameFile(output, journal) {
            throw ValidationError("--output \(output) is one of the journals being read; choose another file")
        }
    }
}
