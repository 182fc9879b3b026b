/// A grid of equal panels, one per series, for figures with one small chart per feature.
struct SmallMultiples {
    let count: Int
    let columns: Int
    let panelWidth: Double
    let panelHeight: Double
    /// Room around each panel's plot area for its title, ticks and axis titles.
    let margin = (left: 58.0, top: 22.0, right: 10.0, bottom: 40.0)

    init(count: Int, columns: Int = 4, panelWidth: Double = 250, panelHeight: Double = 170) {
        self.count = count
        self.columns = max(1, min(columns, count))
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    var rows: Int { (count + columns - 1) / columns }
    var width: Double { Double(columns) * panelWidth }
    var height: Double { Double(rows) * panelHeight }

    /// The plot area of panel k: (left, top, width, height).
    func area(_ k: Int) -> (Double, Double, Double, Double) {
        let x = Double(k % columns) * panelWidth, y = Double(k / columns) * panelHeight
        return (x + margin.left, y + margin.top, panelWidth - margin.left - margin.right,
                panelHeight - margin.top - margin.bottom)
    }
}

/// Epoch indices to draw: all when there are at most `limit`, else an even stride plus the last.
func drawnEpochs(_ count: Int, limit: Int = 200) -> [Int] {
    guard count > limit else { return Array(0..<count) }
    let step = (count + limit - 1) / limit
    var epochs = Array(stride(from: 0, to: count, by: step))
    if epochs.last != count - 1 { epochs.append(count - 1) }
    return epochs
}
