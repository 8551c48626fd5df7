/// An axis-aligned rectangle in page pixels: `left`/`top` inclusive, `right`/`bottom` exclusive.
public struct BoundingBox: Sendable, Equatable, Hashable {
    public var left: Double
    public var top: Double
    public var right: Double
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

    public var width: Double { right - left }
    public var height: Double { bottom - top }
    public var centerY: Double { (top + bottom) / 2 }
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
