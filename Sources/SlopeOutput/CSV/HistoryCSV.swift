import SlopeCore
/// The histories in long (tidy) form, one row per restart, epoch and parameter:
/// `restart,epoch,parameter,loss,weight,d1,d2,d3,d2_tape,d3_tape`.
///
/// Numbers are written in Swift's shortest form that reads back to the same Double (full
/// precision, like `%.17g` but shorter). Parameter names are quoted when they need it.
public enum HistoryCSV {
    public static let header = "restart,epoch,parameter,loss,weight,d1,d2,d3,d2_tape,d3_tape"

    /// Writes the table to `stream`, one epoch at a time (memory: one epoch's text).
    /// - Complexity: O(restarts · epochs · parameters).
    public static func write(_ histories: [History], to stream: TextStream) throws {
        try stream.write(header + "\n")
        for (r, history) in histories.enumerated() {
            let names = history.parameterNames.map(CSVField.escape)
            for e in 0..<history.epochCount {
                var out = ""
                let loss = "\(history.loss[e])"
                for p in 0..<history.parameterCount {
                    out += "\(r),\(e),\(names[p]),\(loss)"
                    for quantity in Quantity.allCases {
                        out += ",\(history.value(quantity, parameter: p, epoch: e))"
                    }
                    out += "\n"
                }
                try stream.write(out)
            }
        }
    }
}
