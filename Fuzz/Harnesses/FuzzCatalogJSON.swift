import ErrataTools

/// Loads the input as a JSON catalog file (`.errata.json`, which takes the loader's tab-rewriting path).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let result = CatalogLoader().load(bytes: bytes, path: "fuzz.errata.json")
    if result.catalog == nil && result.diagnostics.isEmpty {
        fatalError("no catalog and no diagnostics")
    }
    return 0
}
