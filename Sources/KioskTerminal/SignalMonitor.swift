import Foundation
import Synchronization

/// Signals noticed by the handlers and not yet acted on, one bit per signal.
///
/// Handlers only store to this atomic (async-signal-safe); the line readers check it between
/// keys, on the main thread, and act there.
private let pendingSignalBits = Atomic<UInt32>(0)

/// The signals kiosk handles itself, and the flags its handlers raise.
public enum SignalMonitor {
    /// A signal kiosk reacts to.
    public enum Event: UInt32, Sendable, CaseIterable {
        case interrupt = 1
        case terminate = 2
        case resize = 4
    }

    /// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGWINCH.
    public static func install() {
        // Touch the atomic before any handler can run, so no lazy initialisation happens inside one.
        _ = pendingSignalBits.load(ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { signal in
            let bit: UInt32 = switch signal {
            case SIGINT: Event.interrupt.rawValue
            case SIGWINCH: Event.resize.rawValue
            default: Event.terminate.rawValue
            }
            pendingSignalBits.bitwiseOr(bit, ordering: .relaxed)
        }
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocked read() or poll() should return so the flag is seen at once.
            action.sa_flags = 0
            sigaction(signal, &action, nil)
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
}
