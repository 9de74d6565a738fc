#!/usr/bin/env bash
# npm run test:nvim — Specgate's server in Neovim's own LSP client (Debian neovim 0.7.2), headless:
# a temporary git repository with a committed spec, edited (request maxLength lowered) before opening; checks
# diagnostics, a breaking-change hover and a naming quick fix (test/nvim/check.lua). Prints `N passed, N failed`.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v nvim >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null && apt-get install -y -qq --no-install-recommends neovim </dev/null >/dev/null || { echo "cannot install neovim"; echo "0 passed, 1 failed"; exit 1; }
fi
[ -f "$ROOT/dist/server.js" ] || (cd "$ROOT" && npm run -s build) || { echo "0 passed, 1 failed"; exit 1; }
WS=$(mktemp -d)
trap 'rm -rf "$WS"' EXIT
cp "$ROOT/test/e2e/workspace/openapi.yaml" "$WS/openapi.yaml"
(cd "$WS" && git init -q -b main && git config user.email nvim@specgate.test && git config user.name "Specgate nvim" &&
  git config commit.gpgsign false && git add openapi.yaml && git commit -q -m v1) || { echo "0 passed, 1 failed"; exit 1; }
sed -i 's/maxLength: 255/maxLength: 100/' "$WS/openapi.yaml"
start=$(date +%s%N)
OUT=$(cd "$WS" && HOME="$WS" XDG_STATE_HOME="$WS/.state" XDG_CACHE_HOME="$WS/.cache" LS_CMD="node $ROOT/dist/server.js --stdio" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/nvim/check.lua" openapi.yaml </dev/null 2>&1)
code=$?
echo "$OUT"
passed=$(grep -c '^PASS ' <<<"$OUT")
failed=$(grep -c '^FAIL ' <<<"$OUT")
if [ $code -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "neovim exited with $code"; fi
grep -q '^NVIM CHECKS DONE' <<<"$OUT" || { [ "$failed" -gt 0 ] || failed=1; echo "the checks did not finish"; }
echo "nvim run: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
