#!/usr/bin/env bash
# The GitHub Action's one step (action.yml). Reads SPECGATE_* inputs, writes annotations to stdout,
# a Markdown report to $GITHUB_STEP_SUMMARY and outputs to $GITHUB_OUTPUT; exits 1 when a gate fails.
# Also runs outside GitHub with the same variables (the tests do so).
set -uo pipefail
action_dir="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
output="${GITHUB_OUTPUT:-/dev/null}"
files="${SPECGATE_FILES:-.}"
base="${SPECGATE_BASE:-}"
format="${SPECGATE_FORMAT:-github}"
cli="$action_dir/dist/cli.js"

if [ ! -f "$cli" ]; then
  # The action runs from a checkout of this repository: build the bundles once (about 30 s).
  (cd "$action_dir" && npm ci --no-audit --no-fund --silent && node scripts/build.mjs --production) >&2 || exit 2
fi
specgate() { node "$cli" "$@"; }

case "$format" in github|sarif) ;; *) echo "specgate action: format must be github or sarif, not '$format'" >&2; exit 2 ;; esac
shopt -s globstar nullglob
# Word-split the inputs on purpose: they are a space-separated list of patterns.
# shellcheck disable=SC2206
patterns=($files)
status=0

echo "## Specgate" >> "$summary"
lint_out=$(mktemp)
if [ "$format" = sarif ]; then
  specgate lint "${patterns[@]}" --format sarif --fail-severity "${SPECGATE_FAIL_SEVERITY:-error}" > specgate.sarif
  lint_status=$?
  echo "sarif-file=specgate.sarif" >> "$output"
  specgate lint "${patterns[@]}" --format github --fail-severity hint > "$lint_out" 2>/dev/null
else
  specgate lint "${patterns[@]}" --format github --fail-severity "${SPECGATE_FAIL_SEVERITY:-error}" | tee "$lint_out"
  lint_status=${PIPESTATUS[0]}
fi
[ "$lint_status" -ge 1 ] && status=$lint_status
{
  echo
  echo "| lint | count |"
  echo "| --- | --- |"
  echo "| errors | $(grep -c '^::error' "$lint_out") |"
  echo "| warnings | $(grep -c '^::warning' "$lint_out") |"
  echo "| notes | $(grep -c '^::notice' "$lint_out") |"
} >> "$summary"

if [ -n "$base" ]; then
  # The OpenAPI documents among the inputs (directories expanded): diff compares single descriptions.
  specs=()
  for p in "${patterns[@]}"; do
    if [ -d "$p" ]; then set -- "$p"/**/*.yaml "$p"/**/*.yml "$p"/**/*.json; else set -- $p; fi
    for f in "$@"; do
      case "$f" in */node_modules/*) continue ;; esac
      head -c 4096 "$f" | grep -qE '^(openapi|swagger):|"(openapi|swagger)"[[:space:]]*:' && specs+=("$f")
    done
  done
  if [ ${#specs[@]} -gt 0 ]; then
    specgate diff --base "$base" "${specs[@]}" --format github --fail-on "${SPECGATE_FAIL_ON:-breaking}"
    diff_status=$?
    specgate diff --base "$base" "${specs[@]}" --format markdown --fail-on none >> "$summary"
    [ "$diff_status" -ge 1 ] && [ "$status" -ne 2 ] && status=$diff_status
  else
    echo "No OpenAPI descriptions among the inputs: no breaking-change check." >> "$summary"
  fi
  if [ "${SPECGATE_REVIEW:-false}" = true ]; then
    specgate review --base "$base" "${patterns[@]}" --format markdown >> "$summary"
    review_status=$?
    [ "$review_status" -ge 1 ] && [ "$status" -ne 2 ] && status=$review_status
  fi
fi
rm -f "$lint_out"
exit "$status"
