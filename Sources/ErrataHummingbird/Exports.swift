// The framework-neutral names a Hummingbird user writes (`APIErrorConvertible`, `OperationContractMode`,
// `CatalogErrorResponder`) come with `import ErrataHummingbird`, as they did before they moved to ErrataResponder.
@_exported public import ErrataResponder
