#!/usr/bin/env bash
# Installs what the integration and end-to-end tests need to drive a real VS Code UI:
#   - Debian packages: chromium (the browser playwright-core drives), ripgrep (code-server's search
#     binary, whose npm package would otherwise download it), libkrb5-dev + pkg-config (headers for
#     the kerberos native module code-server builds), and a C++ toolchain when one is missing;
#   - code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) in its own folder,
#     .cache/code-server/, installed offline as /work/shared/notes/e2e-in-code-server.md describes.
# Idempotent: a second run finds everything in place and returns in well under a second.
# Exits non-zero with a message saying why when it cannot run (not root and no sudo, no apt-get).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${NN_CODE_SERVER_CACHE:-$ROOT/.cache/code-server}"
STAMP="$CACHE/.installed-$CODE_SERVER_VERSION"
START=$(date +%s.%N)

say() { printf 'setup-e2e: %s\n' "$*"; }
fail() { printf 'setup-e2e: ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# --- Debian packages ---------------------------------------------------------------------------
missing=()
# fonts-wqy-microhei: Chromium has no CJK font without it, and the Chinese UI's screenshots show boxes.
for pkg in chromium ripgrep libkrb5-dev pkg-config fonts-wqy-microhei; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
# node-gyp builds code-server's native modules (node-pty, kerberos, spdlog, ...).
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)

if ((${#missing[@]})); then
  command -v apt-get >/dev/null ||
    fail "missing Debian packages (${missing[*]}) and no apt-get on this machine. Install them by hand (a Chromium at /usr/bin/chromium, ripgrep, krb5 headers, pkg-config, a CJK font such as WenQuanYi Micro Hei), then rerun."
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    fail "missing Debian packages (${missing[*]}); installing them needs root or password-less sudo. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  t0=$(date +%s)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  say "Debian packages installed in $(($(date +%s) - t0)) s"
else
  say "Debian packages present (chromium, ripgrep, libkrb5-dev, pkg-config, fonts-wqy-microhei)"
fi
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing after the install"

# --- code-server, offline, in its own folder ---------------------------------------------------
major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$major" == 20 ]] || fail "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $(node -v)"

mkdir -p "$CACHE"
# Two runs at once (say `npm start` and `npm test`) must not install into the same folder together.
exec 9>"$CACHE/.lock"
flock 9

if [[ -f "$STAMP" && -f "$CACHE/node_modules/code-server/out/node/entry.js" ]]; then
  say "code-server $CODE_SERVER_VERSION already installed in ${CACHE#"$ROOT"/} ($(elapsed) s)"
  exit 0
fi

say "installing code-server $CODE_SERVER_VERSION into ${CACHE#"$ROOT"/} (a few minutes: native modules are compiled)"
rm -rf "$CACHE/node_modules" "$CACHE/package-lock.json" "$CACHE"/.installed-*
# Its own package.json, so npm installs here instead of walking up into the project.
printf '{ "name": "nn-playground-code-server", "private": true }\n' >"$CACHE/package.json"
cd "$CACHE"

# 1. Fetch the package tree without running any install script.
t0=$(date +%s)
npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
say "  fetched code-server in $(($(date +%s) - t0)) s"

# 2. @vscode/ripgrep's install script downloads rg from GitHub, which is unreachable here. It first
#    looks in $TMPDIR/vscode-ripgrep-cache-<its version>/ for the release archive: put Debian's rg there.
export TMPDIR="$CACHE/tmp"
mkdir -p "$TMPDIR"
shrinkwrap="$CACHE/node_modules/code-server/lib/vscode/npm-shrinkwrap.json"
rg_version=$(node -e 'const s = require(process.argv[1]); console.log(s.packages["node_modules/@vscode/ripgrep"].version)' "$shrinkwrap")
rg_pack_dir="$TMPDIR/ripgrep-package"
mkdir -p "$rg_pack_dir"
(cd "$rg_pack_dir" && npm pack --silent --loglevel=error "@vscode/ripgrep@$rg_version" >/dev/null && tar xzf "vscode-ripgrep-$rg_version.tgz")
rg_tag=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$rg_pack_dir/package/lib/postinstall.js")
[[ -n "$rg_tag" ]] || fail "could not read the ripgrep release tag from @vscode/ripgrep@$rg_version"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) fail "unsupported architecture $(uname -m)" ;;
esac
rg_cache="$TMPDIR/vscode-ripgrep-cache-$rg_version"
mkdir -p "$rg_cache" "$TMPDIR/rg-bin"
cp /usr/bin/rg "$TMPDIR/rg-bin/rg"
tar czf "$rg_cache/ripgrep-$rg_tag-$rg_target.tar.gz" -C "$TMPDIR/rg-bin" rg
say "  seeded ripgrep $rg_tag ($rg_target) from /usr/bin/rg for @vscode/ripgrep@$rg_version"

# 3. A plain rebuild runs every install script, code-server's (which installs VS Code's own
#    dependencies) and the hoisted argon2's; `npm rebuild code-server` would miss argon2.
#    As root npm needs unsafe_perm to run them; yes=true lets node-pty's `npx node-gyp` proceed.
t0=$(date +%s)
log="$CACHE/rebuild.log"
if ! npm_config_unsafe_perm=true npm_config_yes=true npm rebuild --foreground-scripts >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  fail "npm rebuild of code-server failed (full log: $log)"
fi
say "  built native modules in $(($(date +%s) - t0)) s"

"$CACHE/node_modules/.bin/code-server" --version >/dev/null ||
  fail "code-server does not start (see $log)"
touch "$STAMP"
say "code-server $CODE_SERVER_VERSION installed in $(elapsed) s"
