#!/usr/bin/env bash
# Make sure a Chromium exists for Playwright: $CHROMIUM_PATH, Playwright's own download, or
# Debian's package (installed with apt-get when missing; Playwright cannot download here).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome >/dev/null 2>&1; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium (Playwright cannot download its own browser here)…"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
