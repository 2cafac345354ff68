import ArgumentParser
import Foundation
import KioskCore

/// Where questionnaire files are looked up; shared by the commands that need them (`@OptionGroup`).
struct QuestionnaireOptions: ParsableArguments {
    @Option(
        name: .customLong("questionnaires"),
        help: ArgumentHelp(
            "The folder of questionnaire files (default: $\(QuestionnaireCatalog.environmentVariable) if set, else ./\(QuestionnaireCatalog.defaultDirectory)).",
            valueName: "DIR"))
    var questionnairesDirectory: String?

    /// The folder to use, after the option, the environment and the default.
    var directory: String {
        QuestionnaireCatalog.directory(option: questionnairesDirectory, environment: ProcessInfo.processInfo.environment)
    }

    /// The questionnaires in ``directory``.
    var catalog: QuestionnaireCatalog {
        QuestionnaireCatalog(directory: directory)
    }
}
