import CCrypt
import Foundation

/// The admin PIN that lets staff leave a locked-down kiosk, kept only as a salted, slow hash.
///
/// The hash is crypt(3) yescrypt (`$y$...`) from libxcrypt: the algorithm Debian uses for
/// /etc/shadow, so it is well reviewed, salted, deliberately slow against guessing a short PIN,
/// stored in a standard self-describing format, and needs no extra package. The PIN itself is
/// never stored and never compared in plain text.
public enum AdminPIN {
    /// Why a PIN or a hash was refused.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case tooShort
        case malformedHash
        case hashingFailed

        public var description: String {
            switch self {
            case .tooShort: "A PIN needs at least \(AdminPIN.minimumLength) characters."
            case .malformedHash:
                "KIOSK_ADMIN_PIN_HASH is not a crypt(3) hash; create one with 'kiosk pin'."
            case .hashingFailed: "The system's crypt library could not hash the PIN."
            }
        }
    }

    /// Short PINs are easy to watch over a shoulder and quick to guess.
    public static let minimumLength = 4

    /// A new salted yescrypt hash of `pin`.
    public static func hash(_ pin: String) throws(Problem) -> String {
        guard pin.count >= minimumLength else { throw .tooShort }
        guard let salt = crypt_gensalt_ra("$y$", 0, nil, 0) else { throw .hashingFailed }
        defer { free(salt) }
        guard let hashed = cryptOnce(pin, setting: String(cString: salt)), hashed.hasPrefix("$y$") else {
            throw .hashingFailed
        }
        return hashed
    }

    /// Checks that `hash` is a hash this system's crypt(3) understands.
    public static func validate(hash: String) throws(Problem) {
        guard hash.hasPrefix("$"), let result = cryptOnce("", setting: hash), !result.hasPrefix("*") else {
            throw .malformedHash
        }
    }

    /// Whether `pin` matches `hash`, compared in constant time.
    public static func matches(_ pin: String, hash: String) -> Bool {
        guard let candidate = cryptOnce(pin, setting: hash) else { return false }
        let lhs = Array(candidate.utf8)
        let rhs = Array(hash.utf8)
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func cryptOnce(_ phrase: String, setting: String) -> String? {
        var data = crypt_data()
        return withUnsafeMutablePointer(to: &data) { pointer in
            guard let result = crypt_r(phrase, setting, pointer) else { return nil }
            let text = String(cString: result)
            // crypt_data holds the phrase's derived state; wipe it before it goes out of scope.
            memset(pointer, 0, MemoryLayout<crypt_data>.size)
            return text
        }
    }
}
