/// A count with its noun in the right number: "1 trial", "2 trials", "0 trials".
/// - Parameters:
///   - plural: the plural when it is not `singular` + "s" ("dimensions" is; "indices" is not).
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
}
