#!/usr/bin/env bash
# Issue 12: the national account search over 10,000 users (target p95 <= 50 ms) and the transfer of 5,000 dossiers
# (target <= 5 s, all or nothing), on a fresh data set: 500 structures x 20 conseillers, the last one holding 5,000 jeunes.
# Usage: bash benchmarks/administration.sh [searches] [transfer rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
TOURS=${2:-5}
DATA=/tmp/ml-bench-admin
PORT=5098
URL=http://127.0.0.1:$PORT
rm -rf "$DATA"
dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=5 Securite__DeuxFacteursObligatoires=false Serilog__MinimumLevel__Default=Warning \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-admin.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
PGPASS=$(cat "$DATA/password")
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0"
$GEN generate "$CS" 10000 500 20 0 0 5000 >/dev/null
sql() { PGPASSWORD=$PGPASS psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "$1"; }
DERNIERE=$(sql "SELECT id FROM structures WHERE code LIKE 'BENCH-%' ORDER BY code DESC LIMIT 1")
A=$(sql "SELECT id FROM asp_net_users WHERE structure_id = '$DERNIERE' ORDER BY user_name LIMIT 1")
B=$(sql "SELECT id FROM asp_net_users WHERE structure_id = '$DERNIERE' ORDER BY user_name OFFSET 1 LIMIT 1")
DIR=$(sql "SELECT user_name FROM asp_net_users WHERE structure_id = '$DERNIERE' ORDER BY user_name OFFSET 2 LIMIT 1")
sql "UPDATE jeunes SET conseiller_referent_id = '$A' WHERE structure_id = '$DERNIERE'; UPDATE asp_net_users SET profil = 'Direction' WHERE user_name = '$DIR'; ANALYZE asp_net_users; ANALYZE jeunes;"
echo "users: $(sql 'SELECT count(*) FROM asp_net_users'), jeunes of A: $(sql "SELECT count(*) FROM jeunes WHERE conseiller_referent_id = '$A'")"
jeton() { curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"MissionLocale2026!\"}" $URL/api/v1/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
ADMIN=$(jeton a.bernard)
# The most frequent generated name, so the search returns many rows (the worst case).
read -r NOM PRENOM < <(sql "SELECT nom, prenom FROM asp_net_users GROUP BY nom, prenom ORDER BY count(*) DESC LIMIT 1" | tr '|' ' ')
for _ in $(seq 1 20); do curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "$URL/api/v1/comptes/recherche-nationale?nom=$NOM&prenom=$PRENOM"; done
for _ in $(seq 1 "$N"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $ADMIN" "$URL/api/v1/comptes/recherche-nationale?nom=$NOM&prenom=$PRENOM"; done | sort -n > /tmp/ml-bench-recherche.txt
TROUVES=$(curl -sf -H "Authorization: Bearer $ADMIN" "$URL/api/v1/comptes/recherche-nationale?nom=$NOM&prenom=$PRENOM" | grep -o '"login"' | wc -l)
p() { awk -v q="$1" '{a[NR]=$1} END {i=int(NR*q); if (i<1) i=1; printf "%.1f", a[i]*1000}' /tmp/ml-bench-recherche.txt; }
echo "national search ($NOM $PRENOM, $TROUVES accounts found, $N requests): p50 $(p 0.5) ms, p95 $(p 0.95) ms, p99 $(p 0.99) ms"
DIRECTION=$(jeton "$DIR")
for t in $(seq 1 "$TOURS"); do
  if [ $((t % 2)) = 1 ]; then DE=$A; VERS=$B; else DE=$B; VERS=$A; fi
  R=$(curl -sf -o /tmp/ml-bench-transfert.json -w '%{time_total}' -H "Authorization: Bearer $DIRECTION" -H 'Content-Type: application/json' \
    -d "{\"depuisConseillerId\":\"$DE\",\"versConseillerId\":\"$VERS\",\"tousLesJeunesDuConseiller\":true}" $URL/api/v1/transferts/jeunes)
  echo "transfer round $t: $(cat /tmp/ml-bench-transfert.json) in $(awk -v s="$R" 'BEGIN {printf "%.2f", s}') s"
done
echo "history lines written: $(sql "SELECT count(*) FROM historique_modifications WHERE champ = 'Conseiller référent'")"
