import ArgumentParser
import Foundation
import ScanRules

struct MRZCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mrz",
        abstract: "Find and read the machine-readable zone (MRZ) in OCR text.",
        discussion: """
        Give plain text holding a TD1 (3 × 30), TD2 (2 × 36) or TD3 (2 × 44) zone — the zone alone or a \
        document's whole OCR text. Lines OCR split, merged or padded are re-cut; fillers read as K, L, «, ( \
        or spaces and letter/digit confusions (O/0, I/1, B/8, S/5, Z/2, G/6) are repaired where the \
        position or a check digit says how. Prints JSON: the format, `valid`, the repaired lines, every \
        field, the dates, the country names, each check digit's verdict (verified, repaired, failed, \
        absent) with the characters changed (0-based line and column, from, to, basis), and where each \
        field sits. Exit status: 0 when a zone was read (check `valid`), 1 when there is none.

        Examples:
          scanrules mrz passport.txt
          printf 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\\n' | scanrules mrz -
          tesseract id-back.png - | scanrules mrz --as-of 2025-10-23 -
        """
    )

    @OptionGroup var asOfOption: AsOfOption

    @Argument(help: ArgumentHelp("A text file holding the zone ('-' for stdin).", valueName: "FILE"))
    var file: String

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: file) else { throw CommandFailure(message: "\(file): no such file") }
            guard let contents = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: "\(file): cannot be read") }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(message: "\(file == "-" ? "stdin" : file): not UTF-8 text")
        }
        let reference = asOfOption.date
        guard let result = MRZ.find(in: text, asOf: reference) else {
            throw CommandFailure(message: "\(file == "-" ? "stdin" : file): no machine-readable zone found (looked for 3 lines of 30, or 2 of 36 or 44, characters A-Z 0-9 <)")
        }
        print(result.json.serialized())
    }
}
