/// An axis-aligned rectangle in page pixels: `left`/`top` inclusive, `right`/`bottom` exclusive.
public struct BoundingBox: Sendable, Equatable, Hashable {
    /// The left edge, in page pixels.
    public var left: Double
    /// The top edge, in page pixels.
    public var top: Double
    /// The right edge (exclusive), in page pixels.
    public var right: Double
    /// The bottom edge (exclusive), in page pixels.
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    /// The smallest box around a polygon's points.
    public init(enclosing points: [(x: Double, y: Double)]) {
        left = points.map(\.x).min() ?? 0
        top = points.map(\.y).min() ?? 0
        right = points.map(\.x).max() ?? 0
        bottom = points.map(\.y).max() ?? 0
    }

    /// The width in pixels.
    public var width: Double { right - left }
    /// The height in pixels.
    public var height: Double { bottom - top }
    /// The vertical centre.
    public var centerY: Double { (top + bottom) / 2 }
    /// The horizontal centre.
    public var centerX: Double { (left + right) / 2 }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(left: min(left, other.left), top: min(top, other.top),
                    right: max(right, other.right), bottom: max(bottom, other.bottom))
    }

    /// How much of the shorter box's height the two boxes share vertically (0...1).
    public func verticalOverlapRatio(with other: BoundingBox) -> Double {
        let shared = min(bottom, other.bottom) - max(top, other.top)
        let shorter = min(height, other.height)
        guard shorter > 0 else { return 0 }
        return max(0, shared) / shorter
    }

    /// Whether the horizontal extents meet once this box is widened by `slack` on each side.
    public func overlapsHorizontally(_ other: BoundingBox, slack: Double = 0) -> Bool {
        other.right > left - slack && other.left < right + slack
    }
}
