import Foundation
import Synchronization

/// Signals noticed by the handlers and not yet acted on, one bit per signal.
///
/// Handlers only store to these atomics and write one byte to a pipe (both async-signal-safe);
/// the line readers poll that pipe beside standard input, so a signal wakes them at once even
/// if it arrives just before they block, and act on it on the main thread.
private let pendingSignalBits = Atomic<UInt32>(0)
private let wakeWriteDescriptor = Atomic<Int32>(-1)
private let wakeReadDescriptor = Atomic<Int32>(-1)

/// The signals kiosk handles itself, and the flags its handlers raise.
public enum SignalMonitor {
    /// A signal kiosk reacts to.
    public enum Event: UInt32, Sendable, CaseIterable {
        /// SIGINT (Ctrl-C).
        case interrupt = 1
        /// SIGTERM or SIGHUP: shut down cleanly.
        case terminate = 2
        /// SIGWINCH: the terminal changed size.
        case resize = 4
    }

    /// The read end of the wake-up pipe, readable whenever a signal has arrived; -1 before ``install()``.
    public static var wakeDescriptor: Int32 {
        wakeReadDescriptor.load(ordering: .relaxed)
    }

    /// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGWINCH. Call once, from the main thread.
    @MainActor
    public static func install() {
        guard wakeDescriptor < 0 else { return }
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
            }
            wakeReadDescriptor.store(descriptors[0], ordering: .relaxed)
            wakeWriteDescriptor.store(descriptors[1], ordering: .relaxed)
        }
        // Touch the atomics before any handler can run, so no lazy initialisation happens inside one.
        _ = pendingSignalBits.load(ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { signal in
            let bit: UInt32 = switch signal {
            case SIGINT: Event.interrupt.rawValue
            case SIGWINCH: Event.resize.rawValue
            default: Event.terminate.rawValue
            }
            pendingSignalBits.bitwiseOr(bit, ordering: .relaxed)
            var byte: UInt8 = 1
            _ = write(wakeWriteDescriptor.load(ordering: .relaxed), &byte, 1)
        }
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocked read() should return so the flag is seen at once.
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Ctrl-Z and Ctrl-\ do nothing: a kiosk must not be suspended or made to dump core by
    /// whoever stands at it.
    public static func ignoreJobControlAndQuit() {
        for signal in [SIGTSTP, SIGQUIT, SIGTTIN, SIGTTOU] {
            Foundation.signal(signal, SIG_IGN)
        }
    }

    /// Removes and returns `event` if it is pending.
    public static func take(_ event: Event) -> Bool {
        let before = pendingSignalBits.bitwiseAnd(~event.rawValue, ordering: .relaxed).oldValue
        return before & event.rawValue != 0
    }

    /// Whether `event` is pending, without removing it.
    public static func isPending(_ event: Event) -> Bool {
        pendingSignalBits.load(ordering: .relaxed) & event.rawValue != 0
    }

    /// Empties the wake-up pipe after its readiness has been seen.
    public static func drainWakeups() {
        guard wakeDescriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
