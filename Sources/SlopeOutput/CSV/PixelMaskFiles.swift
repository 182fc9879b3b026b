import SlopeCore

/// A pixel mask as files: a plain PGM image and a CSV of every pixel.
public enum PixelMaskFiles {
    /// The mask as a plain PGM (P2): 255 where kept, 0 where masked.
    public static func pgm(_ mask: PixelMask) -> String {
        var out = "P2\n# slope mask: 255 = kept (\(mask.rule)), 0 = masked\n\(mask.width) \(mask.height)\n255\n"
        for r in 0..<mask.height {
            out += (0..<mask.width).map { mask.kept(r * mask.width + $0) ? "255" : "0" }.joined(separator: " ") + "\n"
        }
        return out
    }

    /// `pixel,row,column,mean_rho,trend,kept,abs_pearson`, one line per pixel.
    public static func csv(_ mask: PixelMask) -> String {
        var out = "pixel,row,column,mean_rho,trend,kept,abs_pearson\n"
        for p in 0..<mask.width * mask.height {
            let rho = mask.meanRho[p].map { "\($0)" } ?? ""
            let r = mask.pearson[p].map { "\($0)" } ?? ""
            out += "\(p),\(p / mask.width),\(p % mask.width),\(rho),\(mask.labels[p]?.rawValue ?? "constant"),\(mask.kept(p) ? 1 : 0),\(r)\n"
        }
        return out
    }
}
