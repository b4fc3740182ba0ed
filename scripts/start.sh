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
# Electron 42+ fetches its binary on first use and says so on stdout: the path is the last line.
if electron_bin=$(node -e "process.stdout.write(require('electron'))" 2>/dev/null | tail -n 1) && [ -x "$electron_bin" ]; then
  exec "$electron_bin" . --data "$data_dir"
fi
if [[ "${DESPACHO_LANG:-${LANG:-}}" =~ ^(ca|val) ]]; then
  echo "En este equip no hi ha el binari d’Electron (Electron el descarrega en instal·lar-se i este equip no pot)."
  echo "S’obri el mateix despatx en el navegador a través de l’amfitrió local:"
else
  echo "En este equipo no está el binario de Electron (Electron lo descarga al instalarse y este equipo no puede)."
  echo "Se abre el mismo despacho en el navegador a través del servidor local:"
fi
exec node bin/despacho.js serve --data "$data_dir" --demo-cases 2000 --open "$@"
