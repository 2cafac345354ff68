/// `kiosk pin`: asks for a new admin PIN twice, without echo, and returns its hash.
@MainActor
public enum AdminPINSetup {
    /// Why no hash was made.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case cancelled
        case mismatch
        case rejected(AdminPIN.Problem)

        public var description: String {
            switch self {
            case .cancelled: "No PIN was entered; nothing was changed."
            case .mismatch: "The two PINs differ; nothing was changed. Run 'kiosk pin' again."
            case .rejected(let problem): problem.description
            }
        }
    }

    /// Reads the PIN twice from standard input and hashes it. Prompts go to standard error so
    /// that standard output carries only the hash (`kiosk pin > pin.hash`).
    public static func run() throws(Problem) -> String {
        SignalMonitor.install()
        let prompts = TerminalOutput(fileDescriptor: 2, plain: true)
        let reader = StandardInput.lineReader(output: prompts)
        guard let first = reader.readSecret(prompt: "New admin PIN: ") else { throw .cancelled }
        guard first.count >= AdminPIN.minimumLength else { throw .rejected(.tooShort) }
        guard let second = reader.readSecret(prompt: "Same PIN again: ") else { throw .cancelled }
        guard first == second else { throw .mismatch }
        do {
            return try AdminPIN.hash(first)
        } catch {
            throw .rejected(error)
        }
    }
}
