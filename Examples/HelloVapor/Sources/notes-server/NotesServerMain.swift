import NotesServer
import Vapor

/// `swift run notes-server [serve --port 8080]`: the Notes API on Vapor, its errors from `notes.errata.yaml`.
@main
enum NotesServerMain {
    static func main() async throws {
        var environment = try Environment.detect()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try NotesApp.configure(app)
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
