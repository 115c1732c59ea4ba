#!/usr/bin/env bash
# What CI runs for a TEI edition made with tei-edition: validate, report, build the HTML edition.
# docs/ci.md quotes this file and the project's own tests run it (tests/test_precommit.py), so the
# documented recipe is the tested one. Run it in the edition's folder (where edition.toml is):
#   docs/ci/validate-and-build.sh github   # annotations on the pull request + SARIF for code scanning
#   docs/ci/validate-and-build.sh gitlab   # JUnit report for merge requests
# Exit 1 when validation found an error (the HTML edition is built all the same, to look at).
set -euo pipefail
platform="${1:-github}"
reports=build/reports
mkdir -p "$reports"
status=0

case "$platform" in
  github)
    tei-edition validate --jobs 0 --format github || status=$?
    tei-edition validate --jobs 0 --format sarif --output "$reports/validate.sarif" --quiet || status=$?
    ;;
  gitlab)
    tei-edition validate --jobs 0 --format junit --output "$reports/validate.junit.xml" || status=$?
    ;;
  *)
    echo "usage: $0 github|gitlab" >&2
    exit 2
    ;;
esac

tei-edition build --to html --jobs 0 --quiet || status=$?
exit "$status"
