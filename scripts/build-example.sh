#!/usr/bin/env bash
# Builds and tests Examples/HelloErrata, the package that uses Errata as an application does: ErrataPlugin
# generating Swift from its catalog, ErrataMiddleware in a Hummingbird server, ErrorDecoder in a client.
#
# The example is a package of its own (it depends on this one by path), so it has its own .build and resolves
# its own dependencies; the first run compiles Hummingbird and Errata again, several minutes on two cores.
set -euo pipefail

cd "$(dirname "$0")/.."

swift test --package-path Examples/HelloErrata "$@"
