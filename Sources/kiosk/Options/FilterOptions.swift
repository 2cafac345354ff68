import ArgumentParser
import KioskCore

/// Which records a reading command keeps: by questionnaire, session, location and days.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("questionnaire"), help: ArgumentHelp("Only responses to this questionnaire id.", valueName: "id"))
    var questionnaire: String?

    @Option(help: ArgumentHelp("Only responses with this session tag.", valueName: "tag"))
    var session: String?

    @Option(help: ArgumentHelp("Only responses with this location label.", valueName: "label"))
    var location: String?

    @Option(help: ArgumentHelp("Only responses on or after this day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only responses on or before this day (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    func validate() throws {
        _ = try makeFilter()
    }

    /// The filter the options describe.
    func makeFilter() throws -> RecordFilter {
        do {
            return try RecordFilter(
                questionnaire: questionnaire, session: session, location: location, since: since, until: until)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
