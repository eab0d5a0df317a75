#!/usr/bin/env bash
# Stackplan's single task entry point.
#
#   ./run.sh serve   install missing tools, release build, serve dist/ on http://127.0.0.1:${PORT:-8080}
#   ./run.sh test    install missing tools, then fmt, clippy (host + wasm32), cargo test,
#                    release build, bundle-size report, Playwright e2e (chromium), Firefox smoke
#                    (fails fast), then the 10 slowest browser tests (printed after a failure too)
#   ./run.sh bench   bundle-size report of dist/ (built first if it holds no .wasm), then the app
#                    measured next to a blank Leptos page: a Markdown table and target/bench.json
#   ./run.sh mutants [FILE...]
#                    mutation testing of src/model (or the given files) with cargo-mutants:
#                    caught, missed, unviable and timeout counts and the score, per file
#   ./run.sh fuzz    each untrusted-input parser (roadmap files, share links, outlines, backlog
#                    CSV/TSV) on 10^6
#                    generated and mutated inputs: counts; fails on any panic or silent refusal
#   ./run.sh lighthouse
#                    Lighthouse scores of dist/ (built first if it holds no .wasm) in chromium;
#                    fails if accessibility is below 1.00
#   ./run.sh setup   install missing tools only
#
# Every tool comes from a package registry (crates.io, npm, Debian); nothing is downloaded from
# elsewhere, so Trunk runs with --offline and finds wasm-bindgen and wasm-opt on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION="0.21.14"
CARGO_MUTANTS_VERSION="27.1.0"
CARGO_NEXTEST_VERSION="0.9"
WASM_TARGET="wasm32-unknown-unknown"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The browser build's own target dir: it can run while the host's cargo holds target/'s lock.
WEB_TARGET_DIR="$ROOT/target/web"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

now() { date +%s.%N; }
# step NAME CMD...: run CMD, print a timing line; set -e stops the script on failure.
step() {
  local name="$1"; shift
  local t0 t1 rc=0
  log "$name"
  t0=$(now)
  # Run in a child so `set -e` stays in force inside shell functions ("cmd || rc=$?" would turn it off).
  "$@" &
  wait $! || rc=$?
  t1=$(now)
  printf 'timing: %-28s %7.1fs  %s\n' "$name" "$(awk "BEGIN{print $t1 - $t0}")" \
    "$([ "$rc" -eq 0 ] && echo ok || echo "FAILED (exit $rc)")" >&2
  return "$rc"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root for: $*"
  fi
}

# --- tool installation (idempotent, fast when everything is present) -------------------------

# wasm-bindgen version pinned in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_lock_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  if command -v rustup >/dev/null; then
    if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
      log "rustup target add $WASM_TARGET"
      rustup target add "$WASM_TARGET"
    fi
  fi
}

ensure_lint_components() {
  command -v rustup >/dev/null || return 0
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "rustup component add ${missing[*]}"
    rustup component add "${missing[@]}"
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION"
    cargo install trunk --locked --version "$TRUNK_VERSION" --force
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_lock_version)"
  [ -n "$want" ] || die "no wasm-bindgen entry in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
    log "cargo install wasm-bindgen-cli $want (from Cargo.lock)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# npm ci when node_modules does not match package-lock.json (stamp = hash of the lockfile).
ensure_node_modules() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20+"
  local stamp="node_modules/.stackplan-lock.sha256" want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -x node_modules/.bin/wasm-opt ]; then
    log "npm ci (no browser download)"
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
}

ensure_chromium() {
  if [ ! -x "$CHROMIUM" ]; then
    log "apt-get install chromium"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
}

# Debian's Firefox ESR for the smoke suite (tests/firefox/), driven by puppeteer-core over WebDriver BiDi.
ensure_firefox() {
  if [ ! -x "$FIREFOX" ]; then
    log "apt-get install firefox-esr"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr
  fi
}

# A cargo subcommand at a version (a prefix such as 0.9 takes any 0.9.x).
ensure_cargo_tool() {
  local crate="$1" version="$2" subcommand="$3"
  if ! cargo "$subcommand" --version 2>/dev/null | grep -q "^$crate $version"; then
    log "cargo install $crate $version"
    cargo install "$crate" --locked --version "$version" --force
  fi
}

ensure_python() {
  command -v python3 >/dev/null && return 0
  log "apt-get install python3"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3
}

# The e2e timeline spec checks the exported calendar with a real RFC 5545 parser: `icalendar`
# from PyPI (tests/e2e/support/ics_events.py).
ensure_icalendar() {
  python3 -c 'import icalendar' 2>/dev/null && return 0
  log "pip install icalendar"
  python3 -m pip install --quiet icalendar
}

setup_build() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_modules
}

setup_all() {
  setup_build
  ensure_lint_components
  ensure_python
  ensure_icalendar
  ensure_chromium
  ensure_firefox
}

# --- tasks -----------------------------------------------------------------------------------

# The release site: Trunk's output finished by scripts/post-build.js (build id, offline file list,
# Content-Security-Policy, the single-file dist/stackplan.html), with brotli and gzip copies beside
# each asset for hosts that serve them.
build() {
  CARGO_TARGET_DIR="$WEB_TARGET_DIR" trunk build --release --offline &&
    node scripts/post-build.js dist && node scripts/precompress.js dist
}

# The release build with its output held back until it is over: `./run.sh test` runs it beside
# clippy and the unit tests, whose output would otherwise interleave with it.
build_quietly() {
  local status=0
  build >target/release-build.log 2>&1 || status=$?
  cat target/release-build.log >&2
  return "$status"
}

bundle_size() { node scripts/bundle-size.js; }

# Size, cold load, import/render (100 to 10,000 initiatives), drag, click and memory of the release
# build next to a blank Leptos page (bench/blank, built on first use), in chromium. Reports, never asserts.
benchmark() { node scripts/bench.js; }

e2e() {
  # The Playwright config serves dist/ itself (python3 http.server on 127.0.0.1).
  npx --no-install playwright test "$@"
}

# The Firefox smoke suite (node's test runner; its last lines are the pass/fail summary). Serves the
# build itself; E2E_DIST names another build than dist/, as for Playwright. The second reporter
# writes each test's duration for the slowest-tests report.
e2e_firefox() {
  FIREFOX_PATH="$FIREFOX" node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./tests/firefox/support/timings-reporter.js \
    --test-reporter-destination=test-results/firefox.json \
    tests/firefox/
}

# The 10 slowest browser tests of this run (name and seconds), and any over half its timeout.
slowest_tests() { node scripts/slowest-tests.js; }

cmd_serve() {
  setup_build
  ensure_python
  step "trunk build --release" build
  local port="${PORT:-8080}"
  log "serving dist/ on http://127.0.0.1:$port/ (Ctrl-C to stop)"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
}

cmd_test() {
  local t0 t1
  t0=$(now)
  step "setup" setup_all
  step "cargo fmt --check" cargo fmt --all -- --check
  # A full run builds everything from scratch, where incremental compilation only adds the cost
  # of writing its cache (measured: the crate and its tests, 49 → 35 s).
  export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
  # The release build runs beside clippy and the unit tests, in its own target dir so that neither
  # waits for the other's lock: each spends long stretches on one core (a crate's own compile, the
  # release build's whole-program optimisation), so side by side they leave less of the machine
  # idle. Clippy for wasm32 shares target/ with the host's, and so its macro crates' builds.
  mkdir -p target
  step "trunk build --release" build_quietly &
  local build_pid=$! rc=0 build_rc=0
  { step "clippy (host)" cargo clippy --all-targets -- -D warnings &&
    step "clippy (wasm32)" cargo clippy --all-targets --target "$WASM_TARGET" -- -D warnings &&
    step "cargo test" cargo test; } || rc=$?
  wait "$build_pid" || build_rc=$?
  [ "$rc" -eq 0 ] && [ "$build_rc" -eq 0 ] || return 1
  step "bundle size" bundle_size
  # Reports of an earlier run must not pass for this one's.
  rm -f test-results/results.json test-results/firefox.json
  mkdir -p test-results
  step "e2e (playwright)" e2e "$@" || rc=$?
  # Arguments select Playwright tests; the Firefox suite runs only on a full run.
  if [ "$rc" -eq 0 ] && [ "$#" -eq 0 ]; then
    step "e2e (firefox)" e2e_firefox || rc=$?
  fi
  # Printed even after a failure: a test that timed out shows up here with its time.
  slowest_tests
  [ "$rc" -eq 0 ] || return "$rc"
  t1=$(now)
  printf 'timing: %-28s %7.1fs  ok\n' "total" "$(awk "BEGIN{print $t1-$t0}")" >&2
}

# Two jobs use both cores; each mutant builds in seconds with the optimised `mutants` profile
# and nextest stops at the first failing test (.cargo/mutants.toml). Results: target/mutants.out.
cmd_mutants() {
  ensure_rust
  ensure_cargo_tool cargo-mutants "$CARGO_MUTANTS_VERSION" mutants
  ensure_cargo_tool cargo-nextest "$CARGO_NEXTEST_VERSION" nextest
  local files=() file
  for file in "${@:-src/model/**/*.rs}"; do files+=(--file "$file"); done
  local status=0
  cargo mutants --jobs 2 "${files[@]}" || status=$?
  # cargo-mutants exits 2 when mutants were missed and 3 on timeouts: the summary says which.
  node scripts/mutants-summary.js target/mutants.out/outcomes.json
  return "$status"
}

# Hostile input, fuzzed: roadmap files, share links, outlines and backlog tables, 10^6 inputs each
# (tests/fuzz.rs).
cmd_fuzz() {
  ensure_rust
  step "fuzz" cargo test --release --test fuzz -- --ignored --nocapture
}

# Lighthouse scores of the release build (npx fetches Lighthouse from npm on first use).
cmd_lighthouse() {
  setup_build
  ensure_chromium
  if ! compgen -G "dist/*.wasm" >/dev/null; then
    step "trunk build --release" build
  fi
  step "lighthouse" node scripts/lighthouse.js
}

cmd_bench() {
  # The blank comparison page is a Trunk build too, so the build tools are needed either way.
  setup_build
  ensure_chromium
  if ! compgen -G "dist/*.wasm" >/dev/null; then
    step "trunk build --release" build
  fi
  step "bundle size" bundle_size
  step "benchmark" benchmark
}

case "${1:-}" in
  serve) shift; cmd_serve "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  mutants) shift; cmd_mutants "$@" ;;
  lighthouse) shift; cmd_lighthouse ;;
  fuzz) shift; cmd_fuzz ;;
  setup) shift; setup_all ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
