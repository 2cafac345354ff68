import ArgumentParser
import KioskTerminal

extension Kiosk {
    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the admin PIN hash that lets staff leave kiosk mode",
            discussion: """
                Reads a PIN twice without echo and prints its salted yescrypt hash (crypt(3)). \
                Put the hash in KIOSK_ADMIN_PIN_HASH, for example in a systemd EnvironmentFile \
                readable only by the kiosk's user. The PIN itself is never stored.

                  kiosk pin
                  New admin PIN:
                  Same PIN again:
                  $y$j9T$...
                """
        )

        func run() throws {
            let hash: String
            do {
                hash = try MainActor.assumeIsolated { try AdminPINSetup.run() }
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(1)
            }
            print(hash)
        }
    }
}
