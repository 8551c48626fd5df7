/// A point on a page, in the page's pixel-like unit (x to the right, y down).
public struct OCRPoint: Sendable, Equatable, Hashable {
    /// The horizontal position, in page pixels.
    public var x: Double
    /// The vertical position, in page pixels (downwards).
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

extension BoundingBox {
    /// The smallest box around a polygon's points.
    public init(enclosing points: [OCRPoint]) {
        self.init(enclosing: points.map { (x: $0.x, y: $0.y) })
    }

    /// The box's corners clockwise from the top left.
    var corners: [OCRPoint] {
        [OCRPoint(x: left, y: top), OCRPoint(x: right, y: top), OCRPoint(x: right, y: bottom), OCRPoint(x: left, y: bottom)]
    }
}

extension Array where Element == OCRPoint {
    /// The polygon worth keeping beside `box`: `nil` when it is just the box's corners (an upright rectangle).
    func keptBeside(_ box: BoundingBox) -> [OCRPoint]? {
        guard count >= 3 else { return nil }
        return Set(self) == Set(box.corners) ? nil : self
    }
}
