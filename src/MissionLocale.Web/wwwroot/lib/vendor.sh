#!/usr/bin/env bash
# Vendors the front-end files with pinned versions (npm registry). Run from anywhere; writes beside this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
npm pack --silent bootstrap@5.3.8 htmx.org@2.0.4 >/dev/null
mkdir b h
tar xzf bootstrap-5.3.8.tgz -C b
tar xzf htmx.org-2.0.4.tgz -C h
mkdir -p "$here/bootstrap" "$here/htmx"
cp b/package/dist/css/bootstrap.min.css "$here/bootstrap/"
cp b/package/dist/js/bootstrap.bundle.min.js "$here/bootstrap/"
cp h/package/dist/htmx.min.js "$here/htmx/"
rm -rf "$work"
