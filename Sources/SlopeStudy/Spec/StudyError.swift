/// A problem with a study's input (spec, store, trial file), as one line naming the file and,
/// where it applies, the line and the key.
public struct StudyError: Error, Equatable, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }

    /// A bad spec: `file:line: key: message`.
    public static func spec(_ file: String, line: Int?, key: String, _ message: String) -> StudyError {
        StudyError("\(file)\(line.map { ":\($0)" } ?? ""): \(key): \(message)")
    }

    /// A store that cannot be used.
    public static func store(_ file: String, _ message: String) -> StudyError {
        StudyError("\(file): \(message)")
    }
}
