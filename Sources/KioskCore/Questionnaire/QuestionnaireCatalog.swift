import Foundation

/// The questionnaires in a folder: lists them and finds the one `kiosk run QUESTIONNAIRE` names.
///
/// The folder is `./questionnaires` unless `--questionnaires DIR` or `KIOSK_QUESTIONNAIRES`
/// says otherwise (``QuestionnaireCatalog/directory(option:environment:)``).
public struct QuestionnaireCatalog: Sendable {
    /// The folder used when neither the option nor the environment names one.
    public static let defaultDirectory = "questionnaires"
    /// The environment variable that overrides ``defaultDirectory``.
    public static let environmentVariable = "KIOSK_QUESTIONNAIRES"

    /// The folder searched, as the user wrote it.
    public var directory: String

    /// Creates a catalog over `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The folder to use: the option if given, else `KIOSK_QUESTIONNAIRES` if set and not empty,
    /// else `questionnaires`.
    public static func directory(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultDirectory
    }

    /// One questionnaire file in the folder and what loading it gave.
    public struct Entry: Sendable, Equatable {
        /// The file's path: the folder as given, a slash, the file name.
        public var path: String
        /// The questionnaire, or the diagnostics that kept it from loading.
        public var result: Result<Questionnaire, QuestionnaireError>

        /// The questionnaire when the file loaded.
        public var questionnaire: Questionnaire? {
            try? result.get()
        }

        /// The file name without `.yaml`/`.yml`, which stands in for the id of a broken file.
        public var fileStem: String {
            let name = (path as NSString).lastPathComponent
            return (name as NSString).deletingPathExtension
        }

        /// The questionnaire's id, or the file name for a file that did not load.
        public var sortKey: String {
            questionnaire?.id ?? fileStem
        }
    }

    /// Every `*.yaml` and `*.yml` file in the folder, loaded, sorted by id (file name for broken files).
    ///
    /// Throws when the folder is missing or unreadable; a broken file is an entry with diagnostics.
    public func entries() throws(QuestionnaireError) -> [Entry] {
        try Self.questionnaireFiles(in: directory)
            .map { path in
                let result: Result<Questionnaire, QuestionnaireError>
                do throws(QuestionnaireError) {
                    result = .success(try QuestionnaireLoader.load(path: path))
                } catch {
                    result = .failure(error)
                }
                return Entry(path: path, result: result)
            }
            .sorted { ($0.sortKey, $0.path) < ($1.sortKey, $1.path) }
    }

    /// Finds the questionnaire `kiosk run QUESTIONNAIRE` names.
    ///
    /// A reference that contains `/`, ends in `.yaml` or `.yml`, or names an existing file is a
    /// path; anything else is an id, matched against the `id` inside each file in the folder and,
    /// for files that do not load, against the file name (so the file's own diagnostics are shown).
    public func resolve(_ reference: String) throws(QuestionnaireError) -> Questionnaire {
        if Self.looksLikePath(reference) {
            return try QuestionnaireLoader.load(path: reference)
        }
        let entries = try entries()
        let matches = entries.filter { $0.questionnaire?.id == reference }
        if matches.count > 1 {
            throw QuestionnaireError(Diagnostic(
                file: directory,
                message: "several files declare the id '\(reference)': \(matches.map(\.path).joined(separator: ", ")); "
                    + "give each questionnaire its own id"))
        }
        if let match = matches.first, let questionnaire = match.questionnaire {
            return questionnaire
        }
        if let broken = entries.first(where: { $0.questionnaire == nil && $0.fileStem == reference }),
           case .failure(let error) = broken.result {
            throw error
        }
        throw unknownID(reference, entries: entries)
    }

    /// Whether `kiosk run` treats the reference as a path rather than an id.
    public static func looksLikePath(_ reference: String) -> Bool {
        reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
            || FileManager.default.fileExists(atPath: reference)
    }

    /// The `*.yaml` and `*.yml` files directly inside `directory`, sorted by name, as paths
    /// starting with `directory` as written.
    public static func questionnaireFiles(in directory: String) throws(QuestionnaireError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw QuestionnaireError(Diagnostic(
                file: directory,
                message: "no questionnaires folder here; create it, or name another folder with "
                    + "--questionnaires DIR or the \(environmentVariable) environment variable"))
        }
        guard isDirectory.boolValue else {
            throw QuestionnaireError(Diagnostic(
                file: directory,
                message: "this is a file, not a questionnaires folder; name a folder with "
                    + "--questionnaires DIR or the \(environmentVariable) environment variable"))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw QuestionnaireError(Diagnostic(
                file: directory, message: "cannot list the questionnaires folder: \(error.localizedDescription)"))
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
            .sorted()
            .map { prefix + $0 }
    }

    private func unknownID(_ reference: String, entries: [Entry]) -> QuestionnaireError {
        let ids = entries.compactMap { $0.questionnaire?.id }
        var message = "no questionnaire with the id '\(reference)' in this folder"
        if let nearest = NearestName.nearest(to: reference, among: ids) {
            message += "; did you mean '\(nearest)'?"
        }
        if ids.isEmpty {
            message += "; it contains no questionnaires that load"
        } else {
            message += " Available: \(ids.joined(separator: ", "))."
        }
        let broken = entries.filter { $0.questionnaire == nil }.count
        if broken > 0 {
            message += " \(broken) file\(broken == 1 ? "" : "s") could not be loaded; run 'kiosk validate \(directory)' to see why."
        }
        return QuestionnaireError(Diagnostic(file: directory, message: message))
    }
}

extension QuestionnaireCatalog {
    /// The files `kiosk validate PATH` checks: a folder's `*.yaml` and `*.yml` files, or the path
    /// itself (whatever it is, so a missing file gets the loader's own diagnostic).
    ///
    /// Throws for a folder without questionnaire files: validating nothing should not pass silently.
    public static func filesToValidate(_ path: String) throws(QuestionnaireError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let files = try questionnaireFiles(in: path)
        if files.isEmpty {
            throw QuestionnaireError(Diagnostic(
                file: path, message: "this folder has no .yaml or .yml files; name a questionnaire file or another folder"))
        }
        return files
    }
}
