// The framework-neutral names a Vapor user writes (`APIErrorConvertible`, `OperationContractMode`) come with
// `import ErrataVapor`, as they do with `import ErrataHummingbird`.
@_exported public import ErrataResponder
