import ArgumentParser
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Measure field accuracy against ground truth.")
    func run() throws {}
}
