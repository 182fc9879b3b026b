import Foundation
import SlopeCore

/// The report of `slope mask`: the per-pixel trend map, the mask, a plain |Pearson| baseline,
/// and sample images with the mask applied (the paper's Fig. 5).
public enum MaskReport {
    private static func range(_ values: [Double?]) -> String {
        let v = values.compactMap { $0 }
        guard let lo = v.min(), let hi = v.max() else { return "none" }
        return String(format: "%.3f to %.3f", lo, hi)
    }

    public static func render(_ mask: PixelMask, images: ImageSet, sampleRows: [Int], task: String,
                              source: String, settings: String) -> String {
        let w = mask.width, h = mask.height
        func where_(_ p: Int) -> String { "pixel (row \(p / w), column \(p % w))" }
        let trend = PixelMapFigure.render(
            width: w, height: h, values: mask.meanRho, colors: .diverging, title: "mean ρ of the d2 trend (\(range(mask.meanRho)))") { p in
                "\(where_(p)): " + (mask.meanRho[p].map { "mean ρ \(String(format: "%.3f", $0)), \(mask.labels[p]!.rawValue)" } ?? "constant")
            }
        let kept = PixelMapFigure.render(
            width: w, height: h, values: (0..<w * h).map { mask.labels[$0] == nil ? nil : (mask.kept($0) ? 1 : 0) },
            colors: .viridis, title: "mask: kept (yellow) / masked") { p in
                "\(where_(p)): " + (mask.labels[p] == nil ? "constant, masked" : mask.kept(p) ? "kept" : "masked")
            }
        let baseline = PixelMapFigure.render(
            width: w, height: h, values: mask.pearson, colors: .viridis, title: "baseline: |Pearson r| per pixel") { p in
                "\(where_(p)): " + (mask.pearson[p].map { "|r| = \(String(format: "%.3f", $0))" } ?? "constant")
            }
        let sections = [
            HTMLPage.Section(
                id: "maps", title: "Per-pixel trend, mask and baseline",
                caption: "Left: mean over restarts of the Spearman trend of each pixel's d2 as the loss falls (red increasing, blue decreasing, grey constant). Middle: the mask keeps the pixels whose consensus trend is increasing (or, when the top K are asked for, the K highest mean ρ). Right: |Pearson r| of each raw pixel with the target, the plain baseline; where the two maps differ, the d2 mask says something correlation does not.",
                body: "<div class=\"grid\">\(trend)\(kept)\(baseline)</div>"),
            HTMLPage.Section(
                id: "samples", title: "Sample images with the mask applied",
                caption: "Grey levels show the kept pixels, reddish tint the masked ones: a good mask keeps the strokes that tell the classes apart.",
                body: PixelMapFigure.samples(images, rows: sampleRows, mask: mask)),
        ]
        let summary = ["\(source): \(images.count) images of \(w) x \(h) pixels; task: \(task)",
                       settings, "\(mask.keptCount) of \(w * h) pixels kept (\(mask.rule)); \(mask.labels.filter { $0 == nil }.count) constant pixels masked."]
        return HTMLPage(title: "slope mask: \(source)", summary: summary, sections: sections).render()
    }
}
