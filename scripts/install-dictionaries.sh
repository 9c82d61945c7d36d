#!/usr/bin/env bash
# Installs the FreeDict dictionaries that the offline cross-lingual mode reads from
# /usr/share/dictd (Debian/Ubuntu). English↔French is what the test suite needs; German and
# Spanish let questions in those languages work offline too. Installs only what is missing.
set -euo pipefail
packages=(dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-deu-fra dict-freedict-fra-deu dict-freedict-fra-spa)
missing=()
for package in "${packages[@]}"; do
  [ -f "/usr/share/dictd/freedict-${package#dict-freedict-}.index" ] || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "FreeDict dictionaries already installed."
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
