import SlopeCore

/// `slope mask` on the terminal: the task, how many pixels were kept, and the mask drawn with
/// `#` (kept) and `.` (masked), one line per image row.
public enum MaskText {
    public static func render(_ mask: PixelMask, task: String, images: Int) -> String {
        var lines = ["\(task): \(images) images, \(mask.width) x \(mask.height) pixels",
                     "\(mask.keptCount) of \(mask.width * mask.height) pixels kept (\(mask.rule)), \(mask.labels.filter { $0 == nil }.count) constant pixels masked"]
        lines += (0..<mask.height).map { r in
            String((0..<mask.width).map { mask.kept(r * mask.width + $0) ? "#" : "." })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
