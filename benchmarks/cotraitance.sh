#!/usr/bin/env bash
# Issue 14 on the national data set (1,000,000 jeunes over 440 structures, the last one holding 30,000): import and
# match 20,000 France Travail assignments (half of them jeunes the structure knows) — target <= 10 s; the day's
# outgoing file of 50,000 flows — target <= 10 s; the gestionnaire's three lists — target p95 <= 100 ms.
# Usage: bash benchmarks/cotraitance.sh [jeunes] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-1000000}
N=${2:-100}
DATA=/tmp/ml-bench-cotraitance
PORT=5098
URL=http://127.0.0.1:$PORT
# REUTILISER=1: the data set of the previous run is kept (its cotraitance rows are removed), nothing is generated.
[ -z "${REUTILISER:-}" ] && rm -rf "$DATA"
dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=5 Securite__DeuxFacteursObligatoires=false Serilog__MinimumLevel__Default=Warning \
  Jobs__Actifs=false \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-cotraitance.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
PGPASS=$(cat "$DATA/password")
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0"
sql() { PGPASSWORD=$PGPASS psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "$1"; }
if [ -z "${REUTILISER:-}" ]; then
  T0=$(date +%s)
  $GEN generate "$CS" "$JEUNES" 440 20 3 0 30000 | tail -2
  echo "data set generated in $(( $(date +%s) - T0 )) s"
else
  sql "DELETE FROM flux_dude; DELETE FROM ppaes; DELETE FROM affectations_ft; DELETE FROM jeunes WHERE identifiant_ft LIKE 'U%'; UPDATE jeunes SET identifiant_ft = NULL, inscrit_france_travail = false WHERE identifiant_ft LIKE 'K%'"
  sql "VACUUM ANALYZE"
fi
GRANDE=$(sql "SELECT structure_id FROM jeunes GROUP BY structure_id ORDER BY count(*) DESC LIMIT 1")
CONS=$(sql "SELECT user_name FROM asp_net_users WHERE structure_id = '$GRANDE' AND profil = 'Conseiller' ORDER BY user_name LIMIT 1")
# The conseiller is also the gestionnaire de la cotraitance; the structure's territory is the communes its jeunes live in.
sql "UPDATE asp_net_users SET fonctions = 17 WHERE user_name = '$CONS'"
sql "INSERT INTO territoires_structure (structure_id, commune_insee) SELECT DISTINCT '$GRANDE'::uuid, a.commune_insee FROM adresses a JOIN jeunes j ON j.id = a.jeune_id WHERE j.structure_id = '$GRANDE' AND a.commune_insee IS NOT NULL ON CONFLICT DO NOTHING"
COMMUNE=$(sql "SELECT commune_insee FROM territoires_structure WHERE structure_id = '$GRANDE' ORDER BY commune_insee LIMIT 1")
echo "largest structure: $(sql "SELECT count(*) FROM jeunes WHERE structure_id = '$GRANDE'") jeunes, $(sql "SELECT count(*) FROM territoires_structure WHERE structure_id = '$GRANDE'") communes; gestionnaire $CONS"
jeton() { curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"MissionLocale2026!\"}" $URL/api/v1/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
TOK=$(jeton "$CONS")
p() { awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q); if (i<1) i=1; printf "%.1f", a[i]*1000}' "$1"; }
mesurer() { # name, count, curl args...
  local nom=$1 n=$2; shift 2
  for _ in $(seq 1 5); do curl -sf -o /dev/null "$@"; done
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n > /tmp/ml-bench-p.txt
  echo "$nom ($n requests): p50 $(p /tmp/ml-bench-p.txt 0.5) ms, p95 $(p /tmp/ml-bench-p.txt 0.95) ms, max $(p /tmp/ml-bench-p.txt 1) ms"
}

# 20,000 assignments: 10,000 jeunes of the structure (their identity and commune as stored), 10,000 unknown.
HIER=$(date -d '-1 day' +%F)
F=/tmp/ml-bench-affectations.csv
echo "identifiant_ft;civilite;nom;prenom;date_naissance;nationalite;commune_insee;date_affectation;dernier_entretien_dude" > $F
sql "COPY (SELECT 'K' || lpad(row_number() OVER ()::text, 9, '0'), CASE WHEN j.civilite = 1 THEN 'MME' ELSE 'M' END, j.nom_usage, j.prenom, j.date_naissance,
       'FR', coalesce(a.commune_insee, '$COMMUNE'), '$HIER', '' FROM jeunes j LEFT JOIN adresses a ON a.jeune_id = j.id AND a.date_fin IS NULL
       WHERE j.structure_id = '$GRANDE' AND j.date_naissance > now() - interval '25 years' ORDER BY j.numero LIMIT 10000) TO STDOUT WITH (DELIMITER ';')" >> $F
seq 1 10000 | awk -v c="$COMMUNE" -v h="$HIER" '{printf "U%09d;M;INCONNU%05d;Lucas;%d-%02d-%02d;FR;%s;%s;\n", $1, $1, 2001 + $1 % 7, 1 + $1 % 12, 1 + $1 % 28, c, h}' >> $F
echo "assignments file: $(($(wc -l < $F) - 1)) lines, $(stat -c %s $F) bytes"
T=$(curl -sf -o /tmp/ml-bench-import.json -w '%{time_total}' -H "Authorization: Bearer $TOK" -H 'Content-Type: text/csv' -H 'X-Nom-Fichier: affectations.csv' --data-binary @$F $URL/api/v1/affectations-ft)
echo "import: $T s — $(cat /tmp/ml-bench-import.json)"
mesurer "list AAccepter with 20,000 waiting" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/affectations-ft?onglet=AAccepter"
IDS=$(sql "SELECT json_agg(id) FROM affectations_ft WHERE structure_id = '$GRANDE' AND etat = 1")
echo "{\"affectations\":$IDS}" > /tmp/ml-bench-ids.json
T2=$(curl -sf -o /tmp/ml-bench-accept.json -w '%{time_total}' -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' --data-binary @/tmp/ml-bench-ids.json $URL/api/v1/affectations-ft/accepter)
echo "accept and match: $T2 s — $(head -c 300 /tmp/ml-bench-accept.json)"
echo "import + match of 20,000 assignments: $(awk -v a="$T" -v b="$T2" 'BEGIN {printf "%.2f", a + b}') s (target <= 10 s)"
echo "lists: $(sql "SELECT string_agg(coalesce(liste::text, '-') || ':' || etat || '=' || n, ' ') FROM (SELECT liste, etat, count(*) n FROM affectations_ft GROUP BY 1, 2 ORDER BY 1, 2) x")"
T3=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOK" -H 'Content-Type: text/csv' --data-binary @$F $URL/api/v1/affectations-ft)
echo "the same file again (nothing new): $T3 s"

for o in DeNonConnus RapprochementsPossibles Reaffectations Refusees; do
  mesurer "list $o" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/affectations-ft?onglet=$o"
done

# 50,000 flows waiting (as produced by the day's événements of jeunes in PPAE), then the day's file.
sql "INSERT INTO flux_dude (id, structure_id, jeune_id, ppae_id, type, source_id, date, objet, identifiant_ft, nom, prenom, date_naissance, cree_le, statut, tentatives, prochaine_tentative)
     SELECT gen_random_uuid(), j.structure_id, j.id, gen_random_uuid(), 2 + g % 6, gen_random_uuid(), current_date, CASE WHEN g % 6 >= 3 THEN 'Proposition ' || g END,
            'K' || lpad(g::text, 9, '0'), j.nom_usage, j.prenom, j.date_naissance, now(), 1, 0, now()
     FROM generate_series(1, 50000) g
     JOIN (SELECT id, structure_id, nom_usage, prenom, date_naissance, row_number() OVER (ORDER BY id) - 1 AS rn FROM jeunes WHERE structure_id = '$GRANDE') j ON j.rn = g % 30000"
echo "flows waiting: $(sql "SELECT count(*) FROM flux_dude WHERE statut = 1")"
T4=$(curl -sf -o /tmp/ml-bench-flux.csv -w '%{time_total}' -X POST -H "Authorization: Bearer $TOK" $URL/api/v1/flux-dude/fichier)
echo "the day's flows file: $(($(wc -l < /tmp/ml-bench-flux.csv) - 1)) flows, $(stat -c %s /tmp/ml-bench-flux.csv) bytes in $T4 s (target <= 10 s)"
T5=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $TOK" $URL/api/v1/flux-dude/fichier)
echo "downloaded again: $T5 s"
