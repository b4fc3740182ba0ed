#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and opens Despacho on the embedded
# default with the demo city. Where no Electron binary can be installed (it is downloaded from the
# internet by Electron's own install step), the same desk opens in the browser through `despacho serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh
bash scripts/install-npm.sh
npm run -s build
data_dir="${DESPACHO_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/despacho}"
if electron_bin=$(node -e "process.stdout.write(require('electron'))" 2>/dev/null) && [ -x "$electron_bin" ]; then
  exec "$electron_bin" . --data "$data_dir"
fi
echo "No Electron binary is installed on this machine (Electron downloads it at install time and this"
echo "machine cannot). Opening the same desk in your browser through the loopback host instead:"
exec npx tsx src/main/cli/main.ts serve --data "$data_dir" --demo-cases 2000 --open "$@"
