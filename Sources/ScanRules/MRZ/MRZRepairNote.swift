/// Why a check digit was left as it is or repaired as it was, kept as a reason and written out only for
/// the read reported: the search repairs every distinct zone it scores, and writing each note there cost
/// as much as the repair.
enum MRZRepairNote: Equatable {
    case choseLikeliest(of: Int)
    case unrepairable
    case confirmedByOwnDigitOnly
    case ambiguous(count: Int)
    case compositeNotADigit(Character)
    case fieldRepairsFailComposite
    case failsComposite

    var text: String {
        switch self {
        case .choseLikeliest(let count):
            return "chose the likeliest of \(count) readings that pass (a letter or digit like its neighbours, a filler ending the field)"
        case .unrepairable: return "no reading with up to \(MRZRepairer.maxChanges) OCR repairs passes"
        case .confirmedByOwnDigitOnly: return "confirmed by its own check digit only (composite unreadable)"
        case .ambiguous(let count): return "\(count) different repairs pass; none chosen"
        case .compositeNotADigit(let printed): return "the composite check digit '\(printed)' is not a digit"
        case .fieldRepairsFailComposite: return "the repairs that fix the field check digits do not make the composite pass"
        case .failsComposite: return "a repair passes this check digit but not the composite; not applied"
        }
    }
}
