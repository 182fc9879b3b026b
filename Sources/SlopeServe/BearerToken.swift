import Hummingbird

/// Lets a request through only with `Authorization: Bearer TOKEN`; 401 otherwise. The
/// comparison takes the same time wherever the tokens differ (constant time).
struct BearerToken<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    init(_ token: String) { self.token = Array(token.utf8) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let given = request.headers[.authorization].map { Array($0.utf8) } ?? []
        let prefix = Array("Bearer ".utf8)
        guard given.count == prefix.count + token.count, Array(given.prefix(prefix.count)) == prefix,
              ConstantTime.equal(Array(given.dropFirst(prefix.count)), token) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer realm=\"slope\""
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "a token is required: Authorization: Bearer TOKEN\n")))
        }
        return try await next(request, context)
    }
}

/// Comparisons whose time does not depend on where the bytes differ.
enum ConstantTime {
    /// True when `a` and `b` are equal, reading every byte of both (when of equal length).
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for k in a.indices { difference |= a[k] ^ b[k] }
        return difference == 0
    }
}
