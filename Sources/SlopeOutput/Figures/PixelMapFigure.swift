import SlopeCore

/// A per-pixel map drawn as a grid of squares: signed values in the diverging colours,
/// unsigned ones in viridis, undefined (constant) pixels grey; its title wrapped to the map's
/// width and its colour scale below it.
public enum PixelMapFigure {
    public enum Colors: Sendable { case diverging, viridis }

    public static func render(width: Int, height: Int, values: [Double?], colors: Colors, title: String,
                              describe: (Int) -> String) -> String {
        let cell = min(26.0, 240.0 / Double(max(width, height)))
        let mapWidth = Double(width) * cell
        // 12 px bold text is about 7 px a character.
        let lines = wrap(title, characters: max(12, Int(mapWidth / 7)))
        let top0 = 10 + 15 * Double(max(2, lines.count))  // two lines at least, so maps side by side align
        var svg = SVG(width: mapWidth + 20, height: top0 + Double(height) * cell + 44)
        let finite = values.compactMap { $0 }
        // Signed maps keep the fixed scale [-1, 1] so that colour means the same in every report.
        let top = colors == .diverging ? 1 : max(1e-12, finite.map(abs).max() ?? 1)
        for p in 0..<width * height {
            let (r, c) = (p / width, p % width)
            let fill: String
            if let v = values[p] {
                fill = colors == .diverging ? ColorMap.diverging(v / top) : ColorMap.viridis(v / top)
            } else {
                fill = "#d9d9d9"
            }
            svg.rect(10 + Double(c) * cell, top0 + Double(r) * cell, cell - 0.5, cell - 0.5, fill: fill, title: describe(p))
        }
        for (k, line) in lines.enumerated() { svg.text(10, 15 + 15 * Double(k), line, size: 12, weight: "bold") }
        // The colour scale: 40 steps from the lowest to the highest colour, its ends labelled.
        let barTop = top0 + Double(height) * cell + 8, steps = 40
        for k in 0..<steps {
            let t = Double(k) / Double(steps - 1)
            let fill = colors == .diverging ? ColorMap.diverging(2 * t - 1) : ColorMap.viridis(t)
            svg.rect(10 + mapWidth * Double(k) / Double(steps), barTop, mapWidth / Double(steps) + 0.3, 10, fill: fill)
        }
        let (low, high) = colors == .diverging ? ("−1", "+1") : ("0", TextTable.significant(top))
        svg.text(10, barTop + 24, low, size: 10)
        if colors == .diverging { svg.text(10 + mapWidth / 2, barTop + 24, "0", size: 10, anchor: "middle") }
        svg.text(10 + mapWidth, barTop + 24, high, size: 10, anchor: "end")
        return svg.render(label: title)
    }

    /// `text` cut at spaces into lines of at most `characters` (a longer word stands alone).
    static func wrap(_ text: String, characters: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= characters { line += " " + word } else {
                lines.append(line)
                line = String(word)
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// Sample images, each with the masked pixels dimmed to grey: how much of the digit the
    /// kept pixels cover.
    public static func samples(_ images: ImageSet, rows: [Int], mask: PixelMask) -> String {
        let cell = min(8.0, 72.0 / Double(max(images.width, images.height)))
        let size = Double(images.width) * cell
        let columns = 6
        var svg = SVG(width: Double(columns) * (size + 10) + 10, height: Double((rows.count + columns - 1) / columns) * (size + 24) + 10)
        let top = max(1, images.pixels.max() ?? 1)
        for (k, row) in rows.enumerated() {
            let x0 = 10 + Double(k % columns) * (size + 10), y0 = 20 + Double(k / columns) * (size + 24)
            svg.text(x0, y0 - 5, "label \(images.labels[row])", size: 10)
            for p in 0..<images.pixelCount {
                let v = images.pixels[row * images.pixelCount + p] / top
                let level = Int((255 * (1 - v)).rounded())
                let fill = mask.kept(p) ? String(format: "#%02x%02x%02x", level, level, level) : String(format: "#%02x%02x%02x", 200 + level / 5, 120 + level / 3, 120 + level / 3)
                svg.rect(x0 + Double(p % images.width) * cell, y0 + Double(p / images.width) * cell, cell, cell, fill: fill)
            }
        }
        return svg.render(label: "Sample images with the mask applied")
    }
}
