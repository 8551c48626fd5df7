/// Folds text for tolerant comparison of printed labels: upper case, no accents, no punctuation or
/// spaces, and the characters OCR confuses with letters mapped to those letters (0→O, 1/|/!→I, 5→S,
/// 8→B), so `F. EXPEDICIÓN`, `F EXPEDICION` and `F.EXPEDlCI0N` fold alike. `L` folds to `I` as well:
/// OCR reads a capital I as a lower-case l, and folding both sides alike keeps `APELLIDOS` intact.
enum TextFolding {
    static func foldLabel(_ text: String) -> String {
        var folded = ""
        for scalar in text.uppercased().unicodeScalars {
            let base = baseLetter(scalar)
            switch base {
            case "0": folded.append("O")
            case "1", "|", "!", "L": folded.append("I")
            case "5": folded.append("S")
            case "8": folded.append("B")
            case _ where base.properties.isAlphabetic || ("0"..."9").contains(base):
                folded.unicodeScalars.append(base)
            default: continue
            }
        }
        return folded
    }

    /// The scalar without its accent (`Á`→`A`, `Ñ`→`N`); other scalars unchanged.
    static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0xC0 else { return scalar }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return decomposed.first ?? scalar
    }
}
