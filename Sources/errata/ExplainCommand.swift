import ArgumentParser
struct ExplainCommand: AsyncParsableCommand { func run() async throws {} }
