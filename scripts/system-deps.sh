#!/usr/bin/env bash
# Make sure the Debian packages the tests need are installed: Chromium (the end-to-end tests drive
# it through Playwright, which cannot download its own browsers here) and a PostgreSQL server
# (scripts/with-postgres.sh starts a throwaway one). A clean Debian image may also lack `make` and
# Python's venv module, which `make test` needs before anything else.
#
# Installs only what is missing, so a second run takes a second, not the ~4 minutes of a fresh
# install. As root it runs apt-get; as anyone else it prints the command to run and fails.
set -euo pipefail

missing=()

command -v chromium >/dev/null 2>&1 || missing+=(chromium)

shopt -s nullglob
initdbs=(/usr/lib/postgresql/*/bin/initdb)
shopt -u nullglob
[[ ${#initdbs[@]} -gt 0 ]] || missing+=(postgresql)

command -v make >/dev/null 2>&1 || missing+=(make)

# Debian's own python3 ships `venv` and `ensurepip` in a separate package.
if ! "${PYTHON:-python3}" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=(python3-venv)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "system-deps: all present (chromium, postgresql, make, python3-venv)"
    exit 0
fi

if [[ $EUID -ne 0 ]]; then
    echo "system-deps: missing Debian packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    exit 1
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
