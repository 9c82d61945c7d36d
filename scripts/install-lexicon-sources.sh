#!/usr/bin/env bash
# Installs the Debian packages that `npm run build:data` compiles into data/lexicons/ (FreeDict
# and Apertium dictionaries, LibreOffice thesauri, WordNet). Only needed to rebuild or check the shipped
# data: the engine itself never reads them. Installs only what is missing.
set -euo pipefail
packages=(
  dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-deu-fra dict-freedict-fra-deu
  dict-freedict-fra-spa dict-freedict-fra-ita dict-freedict-por-fra dict-freedict-fra-por
  dict-freedict-eng-deu dict-freedict-spa-eng dict-freedict-eng-spa dict-freedict-ita-eng
  dict-freedict-eng-ita dict-freedict-por-eng dict-freedict-eng-por dict-freedict-spa-deu
  dict-freedict-ita-deu dict-freedict-por-deu dict-freedict-deu-eng
  apertium-fr-es apertium-eng-spa apertium-spa-ita apertium-es-pt lttoolbox-dev
  apertium-fra-cat apertium-eng-cat apertium-spa-cat apertium-cat-ita apertium-por-cat
  mythes-fr mythes-de mythes-es mythes-it mythes-pt-pt wordnet-base verbiste
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Lexicon sources already installed."
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
