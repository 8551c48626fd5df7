extension ValueRegion {
    /// How far below a label the next label is looked for when deciding its slot is blank, in label
    /// text heights (the rows of a card's label-over-value layout are about three apart).
    static let blankReach = 4.0

    /// Whether the document shows `label` with nothing printed in its slot below: the nearest word
    /// under it (overlapping it horizontally, give or take `tolerance` label heights) is another label's,
    /// within ``blankReach`` text heights. Any other word there, even OCR junk, may be the value garbled,
    /// and a label with nothing under it at all may be the last thing OCR read: neither is blank.
    ///
    /// Checked only for a field found missing, so a scan of the page's words costs nothing per value.
    func isBlank(below label: LabelHit, tolerance: Double) -> Bool {
        let height = max(label.textHeight, 1)
        let slack = tolerance * height
        let nearest = words.indices.filter { index in
            let box = words[index].box
            return words[index].page == label.page && !label.words.contains(index) && box.top >= label.box.centerY
                && box.top - label.box.bottom <= ValueRegion.blankReach * height && box.overlapsHorizontally(label.box, slack: slack)
        }.min { words[$0].box.top < words[$1].box.top }
        return nearest.map { labelWords[$0] } ?? false
    }
}
