#!/usr/bin/env bash
# Installs the PyTorch the export tests run (test/torch/): a CPU build of torch in its own venv,
# .cache/torch-venv/, with the machine's pip configuration (`pip install torch`).
# Idempotent: a second run finds the stamp and a torch that imports, and returns in a fraction of
# a second (it does not start Python: the stamp names the interpreter and torch's version).
# Prints the interpreter's path last, on its own line, for the test layer to read.
# Exits non-zero with a message saying why when it cannot install (no python3, no venv module).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${NN_TORCH_VENV:-$ROOT/.cache/torch-venv}"
STAMP="$VENV/.installed-torch"
PY="$VENV/bin/python"
START=$(date +%s.%N)

say() { printf 'setup-torch: %s\n' "$*" >&2; }
fail() { printf 'setup-torch: ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

mkdir -p "$(dirname "$VENV")"
# Two runs at once must not install into the same venv together.
exec 9>"$VENV.lock"
flock 9

if [[ -f "$STAMP" && -x "$PY" && -d "$(cat "$STAMP" 2>/dev/null)" ]]; then
  say "torch already installed in ${VENV#"$ROOT"/} ($(elapsed) s)"
  echo "$PY"
  exit 0
fi

command -v python3 >/dev/null || fail "python3 is missing; install Python 3.9 or newer with its venv module, then rerun."
python3 -c 'import venv, ensurepip' 2>/dev/null ||
  fail "python3 has no venv/ensurepip module; install it (on Debian: apt-get install python3-venv), then rerun."

say "installing torch into ${VENV#"$ROOT"/} (about 900 MB, a couple of minutes)"
rm -rf "$VENV"
python3 -m venv "$VENV"
t0=$(date +%s)
log="$VENV.install.log"
if ! "$PY" -m pip install --quiet --no-input torch >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  fail "pip install torch failed (full log: $log)"
fi
say "  pip install torch took $(($(date +%s) - t0)) s"
version=$("$PY" -c 'import torch; torch.zeros(1, dtype=torch.float64); print(torch.__version__)') ||
  fail "torch does not import after the install (see $log)"
# The stamp holds torch's package folder: if it is removed, the next run installs again.
"$PY" -c 'import os, torch; print(os.path.dirname(torch.__file__))' >"$STAMP"
say "torch $version installed in $(elapsed) s"
echo "$PY"
