#!/usr/bin/env bash
# Rebuilds the compact reference data files from the official npm packages
# @etalab/decoupage-administratif (communes, EPCI, départements) and codes-postaux.
# Usage: bash build-refdata.sh   (needs npm and python3; writes *.tsv.gz beside this script)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cd "$work"
npm pack --silent @etalab/decoupage-administratif@6.0.0 codes-postaux@4.1.2 >/dev/null
mkdir d p
tar xzf etalab-decoupage-administratif-6.0.0.tgz -C d
tar xzf codes-postaux-4.1.2.tgz -C p
python3 - "$here" <<'PY'
import gzip, json, sys
out = sys.argv[1]
d = 'd/package/data/'
communes = json.load(open(d + 'communes.json'))
epcis = json.load(open(d + 'epci.json'))
epci_of = {m['code']: e['code'] for e in epcis for m in e['membres']}
def clean(s): return s.replace('\t', ' ').replace('\n', ' ')
with gzip.open(out + '/communes.tsv.gz', 'wt', encoding='utf-8', compresslevel=9) as f:
    for c in sorted(communes, key=lambda c: c['code']):
        if c['type'] not in ('commune-actuelle', 'arrondissement-municipal'):
            continue
        f.write('\t'.join([c['code'], clean(c['nom']), c.get('departement', ''), epci_of.get(c['code'], c.get('commune', '') and epci_of.get(c.get('commune'), '') or '')]) + '\n')
with gzip.open(out + '/epci.tsv.gz', 'wt', encoding='utf-8', compresslevel=9) as f:
    for e in sorted(epcis, key=lambda e: e['code']):
        f.write('\t'.join([e['code'], clean(e['nom'])]) + '\n')
regions = {r['code']: r['nom'] for r in json.load(open(d + 'regions.json'))}
with gzip.open(out + '/departements.tsv.gz', 'wt', encoding='utf-8', compresslevel=9) as f:
    for x in json.load(open(d + 'departements.json')):
        f.write('\t'.join([x['code'], clean(x['nom']), clean(regions.get(x['region'], ''))]) + '\n')
seen = set()
with gzip.open(out + '/codes-postaux.tsv.gz', 'wt', encoding='utf-8', compresslevel=9) as f:
    for x in sorted(json.load(open('p/package/codes-postaux.json')), key=lambda x: (x['codePostal'], x['codeCommune'])):
        k = (x['codePostal'], x['codeCommune'])
        if k in seen: continue
        seen.add(k)
        f.write('\t'.join([x['codePostal'], x['codeCommune'], clean(x['libelleAcheminement'])]) + '\n')
PY
rm -rf "$work"
ls -la "$here"
