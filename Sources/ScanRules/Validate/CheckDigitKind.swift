/// The check-digit algorithms and number formats ScanRules knows, by the name a rule file or the
/// `scanrules validate` command gives them.
///
/// ```swift
/// CheckDigitKind.nit.validate("800.003.122-6").valid        // true
/// CheckDigitKind.rif.validate("V-11470283-3").expected      // "4"
/// CheckDigitKind(rawValue: "dni-pe")?.validate("70275722-9")
/// ```
public enum CheckDigitKind: String, CaseIterable, Sendable {
    /// ICAO 9303 7-3-1: an MRZ field followed by its check digit (`L898902C36`, `7408122`).
    case mrzCheck = "mrz-check"
    /// Colombian NIT with its DV (`800.003.122-6`).
    case nit
    /// Venezuelan RIF (`V-11470283-4`).
    case rif
    /// Peruvian DNI with its CUI check character, digit or letter form (`70275722-9`, `10812543-H`).
    case dniPE = "dni-pe"
    /// Panamanian cédula format, no check digit (`8-123-456`, `PE-12-345`).
    case cedulaPA = "cedula-pa"
    /// Colombian cédula plausibility (6–10 digits), no check digit (`80.218.536`).
    case cedulaCO = "cedula-co"

    /// Validates `value`, which may carry the separators usually printed (dots, hyphens, spaces).
    public func validate(_ value: String) -> CheckResult {
        switch self {
        case .mrzCheck: return ICAOCheckDigit.validate(value)
        case .nit: return ColombianNIT.validate(value)
        case .rif: return VenezuelanRIF.validate(value)
        case .dniPE: return PeruvianCUI.validate(value)
        case .cedulaPA: return PanamaCedula.validate(value)
        case .cedulaCO: return ColombianCedula.validate(value)
        }
    }

    /// One line saying what the kind checks, with an example, for help texts.
    public var summary: String {
        switch self {
        case .mrzCheck: return "ICAO 9303 7-3-1 check digit: an MRZ field then its digit, e.g. L898902C36"
        case .nit: return "Colombian NIT with its DV, e.g. 800.003.122-6"
        case .rif: return "Venezuelan RIF, e.g. V-11470283-4"
        case .dniPE: return "Peruvian DNI with its check character, e.g. 70275722-9"
        case .cedulaPA: return "Panamanian cédula format (no check digit), e.g. 8-123-456"
        case .cedulaCO: return "Colombian cédula number, 6-10 digits (no check digit), e.g. 80.218.536"
        }
    }
}
