# check.sh — the dist/ tests' shared helpers (sourced by dist/test-deb and
# dist/test-unit-systemd): `check` runs one check and counts its failure.
fails=0
check() { # DESCRIPTION COMMAND... — run, print ok/FAIL
    local what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
