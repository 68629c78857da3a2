#!/usr/bin/env bash
# Issue 15: the signed CER's PDF with two drawn signatures (tablet-sized PNG, 960 x 320) — target <= 300 KB; the RSA
# référent's lists over a 30,000-jeune structure (6,000 beneficiaries in parcours d'insertion, their contracts in every
# state, saisines EP) — target p95 <= 100 ms.
# Usage: bash benchmarks/rsa.sh [jeunes] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
JEUNES=${1:-100000}
N=${2:-100}
DATA=/tmp/ml-bench-rsa
PORT=5099
URL=http://127.0.0.1:$PORT
[ -z "${REUTILISER:-}" ] && rm -rf "$DATA"
dotnet build -c Release src/MissionLocale.Web benchmarks/MissionLocale.Benchmarks -v q -nologo >/dev/null 2>&1 || dotnet build -c Release MissionLocale.sln -v q -nologo
GEN=benchmarks/MissionLocale.Benchmarks/bin/Release/net10.0/MissionLocale.Benchmarks
MISSIONLOCALE_DATA_DIR=$DATA Connexion__TentativesParMinute=1000000 Demo__Jeunes=5 Securite__DeuxFacteursObligatoires=false Serilog__MinimumLevel__Default=Warning \
  Jobs__Actifs=false Alertes__CacheSecondes=0 \
  dotnet src/MissionLocale.Web/bin/Release/net10.0/MissionLocale.Web.dll --urls $URL --contentRoot "$PWD/src/MissionLocale.Web" > /tmp/ml-bench-rsa.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf $URL/health >/dev/null && break; sleep 1; done
PGPORT=$(sed -n 4p "$DATA/pgdata/postmaster.pid")
PGPASS=$(cat "$DATA/password")
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=missionlocale;Command Timeout=0"
sql() { PGPASSWORD=$PGPASS psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d missionlocale -X -q -At -c "$1"; }
if [ -z "${REUTILISER:-}" ]; then
  T0=$(date +%s)
  $GEN generate "$CS" "$JEUNES" 10 20 3 0 30000 | tail -2
  echo "data set generated in $(( $(date +%s) - T0 )) s"
else
  sql "DELETE FROM saisines_ep; ALTER TABLE cers DISABLE TRIGGER tr_cers_signe_immuable; DELETE FROM cers; ALTER TABLE cers ENABLE TRIGGER tr_cers_signe_immuable; DELETE FROM parcours_insertion"
fi
GRANDE=$(sql "SELECT structure_id FROM jeunes GROUP BY structure_id ORDER BY count(*) DESC LIMIT 1")
CONS=$(sql "SELECT user_name FROM asp_net_users WHERE structure_id = '$GRANDE' AND profil = 'Conseiller' ORDER BY user_name LIMIT 1")
# The generated structures have conseillers only: the last one becomes the validateur siège with the département's function.
VALID=$(sql "SELECT user_name FROM asp_net_users WHERE structure_id = '$GRANDE' AND profil = 'Conseiller' ORDER BY user_name DESC LIMIT 1")
sql "UPDATE asp_net_users SET profil = 'ValidateurSiege', fonctions = 32 WHERE user_name = '$VALID'"
# 6,000 beneficiaries in parcours: 4,500 with a validated CER (ends spread over a year, so a few hundred this month),
# 600 waiting for the département, 300 refused, 600 drafting; 1,000 saisines EP. Set-based, as a département's import would.
T0=$(date +%s)
sql "WITH b AS (SELECT id, conseiller_referent_id, row_number() OVER (ORDER BY numero) AS n FROM jeunes WHERE structure_id = '$GRANDE' ORDER BY numero LIMIT 6000)
     INSERT INTO parcours_insertion (id, structure_id, jeune_id, type_accompagnement, intervenant_principal_id, date_debut)
     SELECT gen_random_uuid(), '$GRANDE', id, 1 + n % 3, coalesce(conseiller_referent_id, gen_random_uuid()), current_date - 400 FROM b"
sql "INSERT INTO cers (id, structure_id, jeune_id, parcours_id, version, type, etat, debut, duree_mois, fin_prevue, levee_suspension, levee_radiation, apres_sanction, actions, engagements, signe_beneficiaire_le, signe_referent_le, motif_refus)
     SELECT gen_random_uuid(), p.structure_id, p.jeune_id, p.id, 1, 1, e.etat, d.debut, 12, (d.debut + interval '12 months' - interval '1 day')::date, false, false, false, '[]'::jsonb,
            'Postuler à 5 offres par semaine', CASE WHEN e.etat >= 3 THEN d.debut END, CASE WHEN e.etat >= 3 THEN d.debut END, CASE WHEN e.etat = 6 THEN 'Engagements à préciser' END
     FROM (SELECT *, row_number() OVER (ORDER BY jeune_id) AS n FROM parcours_insertion WHERE structure_id = '$GRANDE') p
     CROSS JOIN LATERAL (SELECT CASE WHEN p.n <= 4500 THEN 5 WHEN p.n <= 5100 THEN 4 WHEN p.n <= 5400 THEN 6 ELSE 2 END AS etat) e
     CROSS JOIN LATERAL (SELECT (current_date - 365 + (p.n % 365)::int) AS debut) d"
sql "INSERT INTO saisines_ep (id, structure_id, jeune_id, version, cree_le, cree_par, motif, decision_proposee, etat, sanction_active, commission, date_commission)
     SELECT gen_random_uuid(), structure_id, jeune_id, 1, current_date - 10, gen_random_uuid(), 1 + (row_number() OVER ()) % 7, 'Réduction niveau 1', CASE WHEN random() < 0.5 THEN 1 ELSE 2 END, false, 'EP Nord', current_date + 10
     FROM (SELECT structure_id, jeune_id FROM parcours_insertion WHERE structure_id = '$GRANDE' ORDER BY jeune_id DESC LIMIT 1000) x"
for t in parcours_insertion cers saisines_ep; do sql "VACUUM ANALYZE $t"; done
echo "RSA data: $(sql "SELECT count(*) FROM parcours_insertion") parcours, $(sql "SELECT count(*) FROM cers") CER, $(sql "SELECT count(*) FROM saisines_ep") saisines, in $(( $(date +%s) - T0 )) s"
echo "largest structure: $(sql "SELECT count(*) FROM jeunes WHERE structure_id = '$GRANDE'") jeunes; référent $CONS, validator $VALID"
jeton() { curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"MissionLocale2026!\"}" $URL/api/v1/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
TOK=$(jeton "$CONS")
TOKV=$(jeton "$VALID")
p() { awk -v q="$2" '{a[NR]=$1} END {i=int(NR*q); if (i<1) i=1; printf "%.1f", a[i]*1000}' "$1"; }
mesurer() { # name, count, curl args...
  local nom=$1 n=$2; shift 2
  for _ in $(seq 1 5); do curl -sf -o /dev/null "$@"; done
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n > /tmp/ml-bench-p.txt
  echo "$nom ($n requests): p50 $(p /tmp/ml-bench-p.txt 0.5) ms, p95 $(p /tmp/ml-bench-p.txt 0.95) ms, max $(p /tmp/ml-bench-p.txt 1) ms"
}

for code in cer-a-renouveler rsa-sans-cer cer-en-validation cer-refuse; do
  echo "$code: $(curl -sf -H "Authorization: Bearer $TOK" "$URL/api/v1/alertes/$code?structure=true" | grep -o '"jeuneId"' | wc -l) dossiers"
  mesurer "list $code (structure)" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/alertes/$code?structure=true"
done
mesurer "portal alerts (all counts, no cache)" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/alertes"
mesurer "validator's list" "$N" -H "Authorization: Bearer $TOKV" "$URL/api/v1/rsa/validations"
J=$(sql "SELECT jeune_id FROM parcours_insertion WHERE structure_id = '$GRANDE' ORDER BY jeune_id LIMIT 1")
mesurer "dossier's RSA tab (API)" "$N" -H "Authorization: Bearer $TOK" "$URL/api/v1/jeunes/$J/rsa"

# CER-08: a contract drafted with long rubrics and 6 actions, signed with two tablet-sized drawn signatures, validated.
J2=$(sql "SELECT id FROM jeunes WHERE structure_id = '$GRANDE' AND id NOT IN (SELECT jeune_id FROM parcours_insertion) ORDER BY numero LIMIT 1")
H=(-H "Authorization: Bearer $TOK" -H 'Content-Type: application/json')
CER=$(curl -sf "${H[@]}" -d '{"typeAccompagnement":"Professionnel","dateDebut":"'"$(date +%F)"'"}' "$URL/api/v1/jeunes/$J2/rsa/parcours" | sed -E 's/.*"id":"([^"]+)".*/\1/')
TEXTE=$(printf 'Texte de rubrique rédigé avec le bénéficiaire, %.0s' $(seq 1 20) | cut -c1-990)
ACTIONS='[{"code":"EMPLOI-RECH","debut":"'"$(date +%F)"'"},{"code":"FORMATION","debut":"'"$(date +%F)"'"},{"code":"MOB-PERMIS","debut":"'"$(date +%F)"'"},{"code":"LOGEMENT","debut":"'"$(date +%F)"'"},{"code":"SANTE","debut":"'"$(date +%F)"'"},{"code":"BUDGET","debut":"'"$(date +%F)"'"}]'
V=$(curl -sf "${H[@]}" -X PUT -d '{"version":0,"contenu":{"perspectives":"'"$TEXTE"'","atouts":"'"$TEXTE"'","defis":"'"$TEXTE"'","observation":"'"$TEXTE"'","engagements":"'"$TEXTE"'","rythmeRencontres":"'"$TEXTE"'"},"actions":'"$ACTIONS"'}' "$URL/api/v1/cers/$CER" | sed -E 's/.*"version":([0-9]+).*/\1/')
V=$(curl -sf "${H[@]}" -d '{"version":'"$V"',"beneficiaire":true,"signature":"'"$(python3 benchmarks/signature.py 1)"'"}' "$URL/api/v1/cers/$CER/signatures" | sed -E 's/.*"version":([0-9]+).*/\1/')
V=$(curl -sf "${H[@]}" -d '{"version":'"$V"',"beneficiaire":false,"signature":"'"$(python3 benchmarks/signature.py 2)"'"}' "$URL/api/v1/cers/$CER/signatures" | sed -E 's/.*"version":([0-9]+).*/\1/')
T0=$(date +%s%N)
curl -sf "${H[@]}" -d '{"version":'"$V"',"soumettre":false}' "$URL/api/v1/cers/$CER/validation" >/dev/null
echo "validation with the PDF rendered and stored: $(( ($(date +%s%N) - T0) / 1000000 )) ms"
DOC=$(sql "SELECT document_id FROM cers WHERE id = '$CER'")
curl -sf -H "Authorization: Bearer $TOK" -o /tmp/ml-bench-cer.pdf "$URL/api/v1/documents/$DOC"
echo "signed CER PDF: $(stat -c %s /tmp/ml-bench-cer.pdf) bytes ($(( $(stat -c %s /tmp/ml-bench-cer.pdf) / 1024 )) KB), SHA-256 stored $(sql "SELECT empreinte = encode(sha256(contenu), 'hex') FROM documents WHERE id = '$DOC'")"
