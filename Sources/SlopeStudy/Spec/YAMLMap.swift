import SlopeCore
import Yams

/// A YAML mapping read key by key, with errors that name the file, line and key path.
struct YAMLMap {
    let file: String
    /// The dotted path of this mapping ("parameters.lr"), empty at the top.
    let path: String
    let node: Node
    let pairs: [(key: String, value: Node)]

    init(file: String, path: String, node: Node) throws(SlopeError) {
        self.file = file
        self.path = path
        self.node = node
        guard case let .mapping(mapping) = node else {
            throw .spec(file: file, line: node.mark?.line, key: path.isEmpty ? "spec" : path, reason: "expected a mapping (key: value lines)")
        }
        var pairs: [(String, Node)] = []
        for (k, v) in mapping {
            guard let name = k.string else { throw .spec(file: file, line: k.mark?.line, key: path, reason: "a key is not text") }
            pairs.append((name, v))
        }
        self.pairs = pairs
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func error(_ name: String, _ message: String) -> SlopeError {
        .spec(file: file, line: (self[name] ?? node).mark?.line, key: key(name), reason: message)
    }

    subscript(name: String) -> Node? { pairs.first { $0.key == name }?.value }

    /// Fails on the first key not in `allowed`.
    func onlyKeys(_ allowed: [String]) throws(SlopeError) {
        for (k, v) in pairs where !allowed.contains(k) {
            throw .spec(file: file, line: v.mark?.line, key: key(k), reason: "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    func map(_ name: String) throws(SlopeError) -> YAMLMap? {
        guard let n = self[name] else { return nil }
        return try YAMLMap(file: file, path: key(name), node: n)
    }

    func string(_ name: String) throws(SlopeError) -> String? {
        guard let n = self[name] else { return nil }
        guard case .scalar = n, let s = n.string, n.tag.rawValue != Tag.Name.null.rawValue else { throw error(name, "expected text") }
        return s
    }

    func double(_ name: String) throws(SlopeError) -> Double? {
        guard let n = self[name] else { return nil }
        // A whole number too large for an Int is still a number.
        let whole = n.tag.rawValue == Tag.Name.int.rawValue ? n.string.flatMap { Double($0) } : nil
        guard let value = Self.value(n)?.number ?? whole, value.isFinite else { throw error(name, "expected a number") }
        return value
    }

    func bool(_ name: String) throws(SlopeError) -> Bool? {
        guard let n = self[name] else { return nil }
        guard case let .boolean(b)? = Self.value(n) else { throw error(name, "expected true or false") }
        return b
    }

    func int(_ name: String) throws(SlopeError) -> Int? {
        guard let n = self[name] else { return nil }
        guard case let .integer(k)? = Self.value(n) else { throw error(name, "expected a whole number") }
        return k
    }

    /// A scalar as a typed value by its YAML tag (bool, int, float, text); nil for null or a
    /// collection. A float may be infinite or NaN (`1e999`, `.inf`): callers check.
    static func value(_ n: Node) -> ParameterValue? {
        guard case .scalar = n else { return nil }
        switch n.tag.rawValue {
        case Tag.Name.bool.rawValue: return n.bool.map(ParameterValue.boolean)
        case Tag.Name.int.rawValue: return n.int.map(ParameterValue.integer)
        case Tag.Name.float.rawValue: return n.float.map(ParameterValue.real)
        case Tag.Name.null.rawValue: return nil
        default: return n.string.map(ParameterValue.text)
        }
    }

    /// One value or a list of values.
    func values(_ name: String) throws(SlopeError) -> [ParameterValue]? {
        guard let n = self[name] else { return nil }
        let items: [Node]
        if case let .sequence(seq) = n { items = Array(seq) } else { items = [n] }
        var out: [ParameterValue] = []
        for item in items {
            guard let v = Self.value(item) else { throw error(name, "expected values (text, numbers or booleans)") }
            if case let .real(x) = v, !x.isFinite { throw error(name, "\(Shown.quoted(item.string ?? "\(x)")) is not a finite number") }
            out.append(v)
        }
        return out
    }
}

extension YAMLMap {
    /// A list of mappings (`stages:`), each read with the path `name[k]`.
    func maps(_ name: String) throws(SlopeError) -> [YAMLMap]? {
        guard let n = self[name] else { return nil }
        guard case let .sequence(seq) = n else { throw error(name, "expected a list (- {…} lines)") }
        var out: [YAMLMap] = []
        for (k, item) in seq.enumerated() { out.append(try YAMLMap(file: file, path: "\(key(name))[\(k)]", node: item)) }
        return out
    }
}
