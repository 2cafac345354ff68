import Foundation

/// Waits for a file descriptor to become readable, a signal, or a deadline, whichever is first,
/// without waking up in between: an idle kiosk uses no CPU.
enum InputWaiter {
    /// What ended the wait.
    enum Wake: Equatable {
        case readable
        case signal
        case deadline
        /// The terminal hung up (its other end closed).
        case hangup
    }

    /// Waits on `descriptor` until `deadline` (forever when `nil`).
    static func wait(for descriptor: Int32, until deadline: ContinuousClock.Instant?) -> Wake {
        while true {
            var timeoutMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - ContinuousClock.now
                if remaining <= .zero { return .deadline }
                let (seconds, attoseconds) = remaining.components
                timeoutMilliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            if SignalMonitor.wakeDescriptor >= 0 {
                descriptors.append(pollfd(fd: SignalMonitor.wakeDescriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
            if ready < 0 {
                if errno == EINTR { return .signal }
                return .readable
            }
            if descriptors.count > 1 && descriptors[1].revents != 0 {
                SignalMonitor.drainWakeups()
                return .signal
            }
            let events = Int32(descriptors[0].revents)
            if events & Int32(POLLIN) != 0 { return .readable }
            if events & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        }
    }
}
