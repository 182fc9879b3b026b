import SlopeCore
/// The histories in long (tidy) form, one row per restart, epoch and parameter:
/// `restart,epoch,parameter,loss,weight,d1,d2,d3,d2_tape,d3_tape`.
///
/// Numbers are written in Swift's shortest form that reads back to the same Double (full
/// precision, like `%.17g` but shorter). Parameter names are quoted when they need it.
public enum HistoryCSV {
    public static let header = "restart,epoch,parameter,loss,weight,d1,d2,d3,d2_tape,d3_tape"

    /// - Complexity: O(restarts · epochs · parameters).
    public static func render(_ histories: [History]) -> String {
        var out = header + "\n"
        for (r, history) in histories.enumerated() {
            let names = history.parameterNames.map(CSVField.escape)
            for e in 0..<history.epochCount {
                let loss = "\(history.loss[e])"
                for p in 0..<history.parameterCount {
                    out += "\(r),\(e),\(names[p]),\(loss)"
                    for quantity in Quantity.allCases {
                        out += ",\(history.value(quantity, parameter: p, epoch: e))"
                    }
                    out += "\n"
                }
            }
        }
        return out
    }
}
