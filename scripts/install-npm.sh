#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked. Electron's binary cannot be fetched on every
# machine (its postinstall downloads it); where it is missing the app runs through `despacho serve`.
set -euo pipefail
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit
fi
