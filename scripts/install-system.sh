#!/usr/bin/env bash
# Installs the Debian packages Despacho needs to run and to test, when they are missing.
set -euo pipefail
# gcc, g++, make and python3 build pkcs11js from source and the misbehaving PKCS#11 modules of the token tests;
# zbar-tools reads back the QR codes printed on resolutions.
packages=(softhsm2 opensc poppler-utils qpdf chromium libnss3-tools openssl postgresql xvfb gcc g++ make python3 zbar-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
