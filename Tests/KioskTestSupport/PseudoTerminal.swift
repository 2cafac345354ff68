import Foundation

/// The real `kiosk` binary running on a pseudo-terminal, driven like a person at a keyboard.
///
/// Spawned with `posix_spawn` and `POSIX_SPAWN_SETSID`, so the terminal is the process's
/// controlling terminal and Ctrl-C becomes SIGINT as it does for a real user. Tests wait for
/// kiosk's own messages before typing, never for readline's redraw bytes, and never sleep.
public final class PseudoTerminalProcess {
    /// Raised when an expectation is not met in time; carries what the terminal showed.
    public struct Timeout: Error, CustomStringConvertible {
        public let expected: String
        public let transcript: String
        public var description: String {
            "timed out waiting for \(expected.debugDescription); the terminal showed:\n\(transcript)"
        }
    }

    /// The child's process id.
    public let processID: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    /// Where the next `expect` starts searching.
    private var searchStart = 0
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new 80x24 pseudo-terminal.
    public init(executable: String, arguments: [String], environment: [String: String]) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { close(slave) }

        guard let slaveName = ttyname(slave).map({ String(cString: $0) }) else {
            close(master)
            throw POSIXError(.ENOTTY)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // glibc runs setsid() before the file actions, and a session leader gains its controlling
        // terminal only by opening one: so open the slave by name rather than dup2 the inherited
        // descriptor, or Ctrl-C would never become SIGINT.
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc's value; not imported into Swift) starts a new session so the
        // slave can become the controlling terminal. Signals are reset to their defaults in the child.
        let setsid: Int16 = 0x80
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noSignalsBlocked = sigset_t()
        sigemptyset(&noSignalsBlocked)
        posix_spawnattr_setsigmask(&attributes, &noSignalsBlocked)
        posix_spawnattr_setflags(&attributes, setsid | Int16(POSIX_SPAWN_SETSIGDEF) | Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        self.processID = pid
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            waitpid(processID, &status, 0)
        }
        close(master)
    }

    /// Everything the terminal has shown so far, as text.
    public var transcript: String {
        String(decoding: output, as: UTF8.self)
    }

    /// Types `text` (use escape sequences for special keys, e.g. `"\u{1B}[D"` for Left).
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        // Reads while it writes: the child echoes what it is sent, and once the terminal's output
        // buffer is full it stops reading, so a write-only loop deadlocks on a long paste (the
        // 1 MiB paste test hung whenever the machine was busy). Non-blocking writes let the loop
        // drain the output whenever the input side is full.
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(master, F_SETFL, flags) }
        var offset = 0
        while offset < bytes.count {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN | POLLOUT), revents: 0)
            guard poll(&descriptor, 1, 15_000) > 0 else { return }
            if descriptor.revents & Int16(POLLIN) != 0 { _ = pump(until: .milliseconds(1)) }
            guard descriptor.revents & Int16(POLLOUT) != 0 else {
                if descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }
                continue
            }
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(master, base + offset, buffer.count - offset)
            }
            if written < 0, errno == EAGAIN || errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Sends `signal` to the process, as `kill` from another terminal would.
    public func signal(_ signal: Int32) {
        kill(processID, signal)
    }

    /// Whether the process is still running.
    public var isRunning: Bool {
        exitStatus == nil && kill(processID, 0) == 0 && waitpid(processID, nil, WNOHANG) == 0
    }

    /// Changes the terminal's size, as resizing a terminal window does (the process gets SIGWINCH).
    public func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until the terminal shows `text` after the previous match, and returns what it
    /// showed up to and including it.
    @discardableResult
    public func expect(_ text: String, timeout: Duration = .seconds(15)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let range = find(needle, from: searchStart) {
                let shown = String(decoding: output[searchStart..<range.upperBound], as: UTF8.self)
                searchStart = range.upperBound
                return shown
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero, pump(until: remaining) else {
                throw Timeout(expected: text, transcript: String(decoding: output[searchStart...], as: UTF8.self))
            }
        }
    }

    /// Waits until the terminal shows `text` and then kiosk's input prompt (`> `), so that what
    /// is typed next reaches readline and not the kernel's line editing between two prompts.
    @discardableResult
    public func expectPrompt(after text: String, timeout: Duration = .seconds(15)) throws -> String {
        let shown = try expect(text, timeout: timeout)
        return shown + (try expect("> ", timeout: timeout))
    }

    /// Waits for the process to exit and returns its exit status (128 + signal if killed).
    public func waitForExit(timeout: Duration = .seconds(15)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(processID, &status, WNOHANG)
            if result == processID {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                // Collect whatever was still in flight.
                while pump(until: .milliseconds(50)) {}
                return code
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw Timeout(expected: "process exit", transcript: transcript) }
            // Reading keeps the child from blocking on a full terminal buffer while we wait.
            _ = pump(until: min(remaining, .milliseconds(50)))
        }
    }

    /// Reads what is available within `timeout`; `false` when nothing came (or the child is gone).
    private func pump(until timeout: Duration) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        output.append(contentsOf: chunk[..<count])
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, output.count - start >= needle.count else { return nil }
        var index = start
        while index <= output.count - needle.count {
            if output[index] == needle[0] && output[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }
}
