import SlopeCore
import SlopeStudy

/// Everything `slope study serve` needs: the study to show (read-only), where to listen, and
/// the token that guards any address but loopback. Checked when it is made.
public struct DashboardRequest: Sendable {
    /// The study, as `study status` reads it (store, study name, lease, opener).
    public let status: StudyStatusRequest
    /// The address to listen on: 127.0.0.1 unless told otherwise.
    public let host: String
    /// The TCP port; 0 picks a free one (tests).
    public let port: Int
    /// Every request must carry `Authorization: Bearer TOKEN` when given.
    public let token: String?
    /// Seconds a snapshot of the store is served before it is read again.
    public let refresh: Double
    /// Permutations of the analysis shown (fewer make it quicker on large studies).
    public let permutations: Int

    /// The loopback addresses: the only ones served without a token.
    public static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// - Throws: `SlopeError.invalidSetting` for a port out of range, an empty or short token,
    ///   an address other than loopback without a token, or a refresh beyond an hour.
    public init(status: StudyStatusRequest, host: String = "127.0.0.1", port: Int = 8600, token: String? = nil,
                refresh: Double = 1, permutations: Int = 1000) throws(SlopeError) {
        guard (0...65535).contains(port) else { throw SlopeError.invalidSetting(.port, reason: "must be a TCP port from 0 to 65535") }
        if let token, token.count < 16 || token.contains(where: { $0.isWhitespace || !$0.isASCII }) {
            throw SlopeError.invalidSetting(.token, reason: "give at least 16 printable ASCII characters without spaces (e.g. `openssl rand -hex 16`)")
        }
        guard Self.loopback.contains(host) || token != nil else {
            throw SlopeError.invalidSetting(.token, reason: "is needed to serve on \(Shown.quoted(host)), which is not a loopback address: anyone who reaches it would read the study (every request must then carry the token)")
        }
        // The page polls every 2 refreshes; a browser's timer holds at most about 24 days.
        guard refresh > 0 && refresh <= 3600 else { throw SlopeError.invalidSetting(.refresh, reason: "must be a number of seconds in (0, 3600]") }
        guard (1...100_000).contains(permutations) else { throw SlopeError.invalidSetting(.permutations, reason: "must be from 1 to 100000") }
        self.status = status
        self.host = host
        self.port = port
        self.token = token
        self.refresh = refresh
        self.permutations = permutations
    }
}
