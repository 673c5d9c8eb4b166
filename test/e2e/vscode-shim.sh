#!/usr/bin/env bash
# Stands in for the VS Code executable that @vscode/test-electron's runTests() launches: starts the VS Code
# server from the code-server package and runs the extension tests in headless Chromium, exiting with their code.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
DEV= TESTS= FOLDER=
for arg in "$@"; do
    case "$arg" in
        --extensionDevelopmentPath=*) DEV="${arg#*=}" ;;
        --extensionTestsPath=*) TESTS="${arg#*=}" ;;
        --*) ;;
        *) [ -d "$arg" ] && FOLDER="$arg" ;;
    esac
done
PORT=${ALLIUM_E2E_PORT:-$((20000 + RANDOM % 20000))}
DATA=$(mktemp -d /tmp/allium-e2e-vscode.XXXXXX)
mkdir -p "$DATA/user-data/User" "$DATA/extensions" "$DATA/server-data"
echo '{"workbench.startupEditor":"none","security.workspace.trust.enabled":false,"extensions.autoUpdate":false,"extensions.ignoreRecommendations":true}' > "$DATA/user-data/User/settings.json"
for vsix in ${ALLIUM_E2E_INSTALL_VSIX:-}; do
    "$NODE24/bin/node" "$VSCODE_SERVER_DIR/out/server-main.js" --accept-server-license-terms --extensions-dir "$DATA/extensions" \
        --user-data-dir "$DATA/user-data" --server-data-dir "$DATA/server-data" --install-extension "$vsix" >&2
done
"$NODE24/bin/node" "$VSCODE_SERVER_DIR/out/server-main.js" --host 127.0.0.1 --port "$PORT" --without-connection-token \
    --accept-server-license-terms --telemetry-level off --enable-smoke-test-driver --reconnection-grace-time 5 \
    --server-data-dir "$DATA/server-data" --user-data-dir "$DATA/user-data" --extensions-dir "$DATA/extensions" \
    > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
node "$HERE/browser-driver.cjs" "$DEV" "$TESTS" "$FOLDER" "$PORT"
rc=$?
pkill -P "$SERVER" 2>/dev/null; kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null
[ $rc -ne 0 ] && tail -n 30 "$DATA/server.log" >&2
rm -rf "$DATA"
exit $rc
