import Foundation

/// The built `kiosk` executable, found next to the test bundle as swift-argument-parser's
/// test helpers find example binaries.
public enum KioskBinary {
    /// The path of the `kiosk` executable in the build products folder.
    public static var path: String {
        productsDirectory.appendingPathComponent("kiosk").path
    }

    /// The repository's root folder (holding Package.swift and `questionnaires/`).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The shipped questionnaires folder.
    public static var questionnairesFolder: String {
        repositoryRoot.appendingPathComponent("questionnaires").path
    }

    private static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// A minimal, predictable environment: no inherited locale or colour settings, a private
    /// home folder, and the given variables on top.
    public static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "TERM": "xterm",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// The result of running kiosk with its standard input from a pipe.
    public struct PipedRun: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// Runs kiosk with `input` on standard input (a pipe) and collects its output.
    public static func runPiped(_ arguments: [String], input: String, environment: [String: String]) throws -> PipedRun {
        try runPiped(arguments, inputBytes: Array(input.utf8), environment: environment)
    }

    /// Runs kiosk with raw bytes on standard input (a pipe) and collects its output.
    public static func runPiped(_ arguments: [String], inputBytes: [UInt8], environment: [String: String]) throws -> PipedRun {
        // A child that exits before reading all its input must not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // A hung kiosk must fail its test, not hang the whole suite until CI gives up. The
        // watchdog is cancelled once the process is gone, so it never hits a recycled pid.
        let processID = process.processIdentifier
        let watchdog = DispatchWorkItem {
            if process.isRunning { kill(processID, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        // Write from another thread so a large input cannot deadlock against a full output pipe.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(inputBytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PipedRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
