import SlopeStudy
import Foundation
import SlopeCore

/// A PostgreSQL database named by a URL, `postgresql://user[:password]@host[:port]/database`
/// (or `postgres://`, the scheme in any case; the host a name, an IPv4 address or an IPv6
/// literal in brackets); `?sslmode=disable|require` chooses TLS (default: disable), and any
/// other parameter is refused rather than ignored.
public struct PostgresAddress: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    /// Encrypt the connection (the server's certificate is checked).
    public let tls: Bool

    /// The query parameters the URL may carry.
    static let parameters = ["sslmode"]

    /// True when `text` names a PostgreSQL database rather than a file (schemes are
    /// case-insensitive, RFC 3986).
    public static func isURL(_ text: String) -> Bool {
        let lower = text.prefix(13).lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// - Throws: `SlopeError.store` naming what is missing or malformed.
    public init(_ text: String) throws {
        guard Self.isURL(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw SlopeError.store(file: Self.shown(text), reason: "not a PostgreSQL URL (postgresql://user@host:port/database)", problem: .badLocation)
        }
        guard let user = url.user, !user.isEmpty else {
            throw SlopeError.store(file: Self.shown(text), reason: "the URL names no user (postgresql://USER@host/database)", problem: .badLocation)
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw SlopeError.store(file: Self.shown(text), reason: "the URL names no database (postgresql://user@host/DATABASE)", problem: .badLocation)
        }
        if let unknown = url.queryItems?.first(where: { !Self.parameters.contains($0.name) }) {
            throw SlopeError.store(file: Self.shown(text), reason: "unknown parameter \(Shown.quoted(unknown.name)) (known: \(Self.parameters.joined(separator: ", ")))", problem: .badLocation)
        }
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "require"].contains(mode) else {
            throw SlopeError.store(file: Self.shown(text), reason: "sslmode must be disable or require, not \(Shown.quoted(mode))", problem: .badLocation)
        }
        // An IPv6 literal keeps its brackets in the URL only.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        password = url.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        tls = mode == "require"
    }

    /// The URL without its password, for messages and the status line.
    public var shown: String { "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// `text` with any password replaced by `***`.
    static func shown(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
