import SlopeCore
/// A loss surface as CSV, for any plotting tool to redraw.
public enum LossSurfaceCSV {
    /// `x,y,loss` for every grid point, x (α) varying fastest.
    public static func grid(_ surface: LossSurface) -> String {
        let c = surface.coordinates
        var out = "x,y,loss\n"
        for j in c.indices {
            for i in c.indices { out += "\(c[i]),\(c[j]),\(surface.loss[j * c.count + i])\n" }
        }
        return out
    }

    /// `restart,epoch,x,y,loss`: every restart's path projected onto the plane, with its loss.
    public static func paths(_ surface: LossSurface, histories: [History]) -> String {
        var out = "restart,epoch,x,y,loss\n"
        for (r, path) in surface.paths.enumerated() {
            for (e, p) in path.enumerated() { out += "\(r),\(e),\(p.alpha),\(p.beta),\(histories[r].loss[e])\n" }
        }
        return out
    }
}
