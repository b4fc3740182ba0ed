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
run "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
# The integration and end-to-end suites share nothing (each starts its own servers, tokens and
# folders) and both spend much of their time waiting on processes: they run side by side, and the
# integration suite's output is shown once it is done.
step "integration tests (running beside the end-to-end tests; output below)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json" \
  > "$results/integration.log" 2>&1 &
integration=$!
run "end-to-end tests (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test -c playwright.config.ts --reporter=list,json
step "integration tests"
wait "$integration" || failures+=("integration tests")
cat "$results/integration.log"
step "Electron smoke suite (runs only where an Electron binary exists)"
env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/electron.json" npx playwright test -c playwright.electron.config.ts --reporter=list,json || failures+=("electron smoke")

step "summary"
npx tsx scripts/summarize-tests.ts "$results" "${#failures[@]}"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'Failed steps: %s\n' "${failures[*]}"
  exit 1
fi
