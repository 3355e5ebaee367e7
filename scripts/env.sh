# Shared environment of the project's scripts (sourced, not run).
# One cargo profile (release) builds and tests everything; the target directory lives under
# $HOME so it survives between CI runs on the same machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/doid-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Avoid a second copy of the runtime wasm in a different profile.
export WASM_BUILD_TYPE="${WASM_BUILD_TYPE:-release}"
export PATH="$HOME/.cargo/bin:$PATH"
# The runtime's wasm build must use the workspace's Cargo.lock although the target dir is
# outside the workspace.
export WASM_BUILD_WORKSPACE_HINT="${WASM_BUILD_WORKSPACE_HINT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
