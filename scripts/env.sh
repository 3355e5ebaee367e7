# Shared environment of the project's scripts (sourced, not run).
# One cargo profile (release) builds and tests everything; the target directory lives under
# $HOME so it survives between CI runs on the same machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/doid-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Avoid a second copy of the runtime wasm in a different profile.
export WASM_BUILD_TYPE="${WASM_BUILD_TYPE:-release}"
export PATH="$HOME/.cargo/bin:$PATH"
