#!/usr/bin/env bash
# Install everything and run every test: unit (Vitest) and end-to-end (Playwright, real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm ci --no-audit --no-fund
npm test
