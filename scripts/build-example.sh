#!/usr/bin/env bash
# Builds and tests the example packages. Examples/HelloErrata uses Errata as an application does: ErrataPlugin
# generating Swift from its catalog, ErrataMiddleware in a Hummingbird server, ErrorDecoder in a client.
#
# The example is a package of its own (it depends on this one by path), so it has its own .build and resolves
# its own dependencies; the first run compiles Hummingbird and Errata again, several minutes on two cores.
set -euo pipefail

cd "$(dirname "$0")/.."

swift test --package-path Examples/HelloErrata "$@"

# Examples/HelloVapor, the Vapor application: built in ErrataVapor's scratch path, which `.ci/run` has filled with
# a debug build of Vapor and Errata by now, so that the example does not compile Vapor a second time.
swift test --package-path Examples/HelloVapor --scratch-path Integrations/ErrataVapor/.build
