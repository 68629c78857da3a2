#!/usr/bin/env bash
# Vendors the front-end files with pinned versions (npm registry), then trims Bootstrap to the selectors the pages use
# (PurgeCSS; the whole file is kept in src/MissionLocale.Web/Styles/ for the test that catches a stale trim).
# Run from anywhere; writes beside this script. Rerun after adding Bootstrap classes to a page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
cd "$work"
npm pack --silent bootstrap@5.3.8 htmx.org@2.0.4 chart.js@4.6.1 signature_pad@5.1.4 >/dev/null
mkdir b h c s
tar xzf bootstrap-5.3.8.tgz -C b
tar xzf htmx.org-2.0.4.tgz -C h
tar xzf chart.js-4.6.1.tgz -C c
tar xzf signature_pad-5.1.4.tgz -C s
mkdir -p "$here/bootstrap" "$here/htmx" "$here/chartjs" "$here/signature_pad"
cp b/package/dist/css/bootstrap.min.css "$repo/src/MissionLocale.Web/Styles/"
cp b/package/dist/js/bootstrap.bundle.min.js "$here/bootstrap/"
cp h/package/dist/htmx.min.js "$here/htmx/"
cp c/package/dist/chart.umd.min.js "$here/chartjs/"
cp s/package/dist/signature_pad.umd.min.js "$here/signature_pad/"
rm -rf "$work"
cd "$repo"
npx --yes purgecss@8.0.0 --config src/MissionLocale.Web/Styles/purgecss.config.cjs
