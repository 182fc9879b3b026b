/// slope's version, printed by `slope --version` and recorded by nothing else.
public enum SlopeVersion {
    public static let string = "0.9.0"
}
