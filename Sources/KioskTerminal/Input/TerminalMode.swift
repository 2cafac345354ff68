import Foundation

/// Temporary terminal modes for input that readline does not handle: a PIN typed without echo,
/// and "press any key" during the idle countdown.
enum TerminalMode {
    /// Runs `body` with echo off on `descriptor` (canonical input and signals unchanged).
    static func withEchoOff<T>(_ descriptor: Int32, _ body: () -> T) -> T {
        change(descriptor, { $0.c_lflag &= ~tcflag_t(ECHO | ECHONL) }, body)
    }

    /// Runs `body` with each key delivered at once and not echoed; Ctrl-C still raises SIGINT.
    static func withSingleKeys<T>(_ descriptor: Int32, _ body: () -> T) -> T {
        change(descriptor, { $0.c_lflag &= ~tcflag_t(ECHO | ICANON) }, body)
    }

    private static func change<T>(_ descriptor: Int32, _ adjust: (inout termios) -> Void, _ body: () -> T) -> T {
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { return body() }
        var changed = original
        adjust(&changed)
        // TCSADRAIN, not TCSAFLUSH: keys already typed must reach the reader, not be discarded.
        tcsetattr(descriptor, TCSADRAIN, &changed)
        defer { tcsetattr(descriptor, TCSADRAIN, &original) }
        return body()
    }
}
