import Foundation

extension KioskBinary {
    /// How a run ended and the most memory it held.
    public struct MeasuredRun: Sendable {
        public let status: Int32
        /// Peak resident set size of this one process, in KiB (from `wait4`).
        public let peakKiB: Int
    }

    /// Runs kiosk with no input and its output discarded, and measures that process's own peak
    /// memory; `getrusage(RUSAGE_CHILDREN)` would mix in every other child of the test runner.
    public static func measure(_ arguments: [String], environment: [String: String]) throws -> MeasuredRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return MeasuredRun(status: code, peakKiB: usage.ru_maxrss)
    }
}
