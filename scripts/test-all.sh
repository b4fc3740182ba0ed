#!/usr/bin/env bash
# The README's test command: installs what is missing (system packages, npm dependencies), then runs
# every check and every test, and ends with one line `N passed, N failed[, N skipped]`.
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
results=.tmp/results
rm -rf "$results" && mkdir -p "$results"

step() { printf '\n=== %s ===\n' "$*"; }
failures=()
run() {
  local name=$1; shift
  step "$name"
  "$@" || failures+=("$name")
}

step "system packages" && bash scripts/install-system.sh || exit 1
step "npm dependencies" && bash scripts/install-npm.sh || exit 1

run "typecheck" npm run -s typecheck
run "lint" npm run -s lint
run "format" npm run -s format:check
run "build" npm run -s build
# The end-to-end suite is the longest and mostly waits on its browser and host, so it starts as soon
# as the build is done; the unit and then the integration suite (each starting its own servers, tokens
# and folders, sharing nothing with it) run one after the other beside it, and their output is shown
# once the end-to-end suite is done.
step "unit and integration tests (running beside the end-to-end tests; output below)"
(
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json" \
    > "$results/unit.log" 2>&1
  echo $? > "$results/unit.rc"
  npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json" \
    > "$results/integration.log" 2>&1
  echo $? > "$results/integration.rc"
) &
vitests=$!
run "end-to-end tests (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test -c playwright.config.ts --reporter=list,json
wait "$vitests"
for suite in unit integration; do
  step "$suite tests"
  cat "$results/$suite.log"
  [ "$(cat "$results/$suite.rc" 2>/dev/null)" = 0 ] || failures+=("$suite tests")
done
step "Electron smoke suite (runs only where an Electron binary exists)"
env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/electron.json" npx playwright test -c playwright.electron.config.ts --reporter=list,json || failures+=("electron smoke")

step "summary"
npx tsx scripts/summarize-tests.ts "$results" "${#failures[@]}"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'Failed steps: %s\n' "${failures[*]}"
  exit 1
fi
