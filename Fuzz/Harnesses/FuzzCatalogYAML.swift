import ErrataTools

/// Loads the input as a YAML catalog file: any bytes must give a catalog or located diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let result = CatalogLoader().load(bytes: bytes, path: "fuzz.errata.yaml")
    // A load either succeeds or says why; an error with no catalog and no diagnostic is a bug.
    if result.catalog == nil && result.diagnostics.isEmpty {
        fatalError("no catalog and no diagnostics")
    }
    return 0
}
