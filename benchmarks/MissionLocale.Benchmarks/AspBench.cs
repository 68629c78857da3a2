using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace MissionLocale.Benchmarks;

/// <summary>
/// Issue 5's targets: building an ASP batch of N validated CEJ requests (propose + send, through the API as a validator)
/// and importing an N-line return file, each in one transaction. The requests are put in place with SQL first.
/// </summary>
public static class AspBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<string> ExecuterAsync(string connexion, string baseUrl, string structureCode, int n)
    {
        var login = await PreparerAsync(connexion, structureCode, n);
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        var jeton = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { login, password = "MissionLocale2026!" })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.GetProperty("accessToken").GetString());

        // The validators' workspace over N validated requests (counts by antenne and state, queues): warm-up then timed.
        await api.GetStringAsync("/api/v1/siege/files");
        var sw = Stopwatch.StartNew();
        await api.GetStringAsync("/api/v1/siege/files");
        var tFiles = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var propose = await api.PostAsJsonAsync("/api/v1/lots", new { typeCode = "CEJ" });
        var lot = await Lire(propose);
        var tPropose = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var envoi = await api.PostAsJsonAsync($"/api/v1/lots/{lot.GetProperty("id").GetGuid()}/envoyer", new { version = lot.GetProperty("version").GetInt32() });
        var envoye = await Lire(envoi);
        var tEnvoi = sw.Elapsed.TotalSeconds;
        var fichier = await api.GetByteArrayAsync($"/api/v1/lots/{lot.GetProperty("id").GetGuid()}/fichier");
        var lignes = Encoding.UTF8.GetString(fichier).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The ASP's answer: every request paid.
        var retour = new StringBuilder("demande;lot;statut;date;montant_verse;motif\n");
        foreach (var l in lignes.Skip(1))
        {
            var c = l.Split(';');
            retour.Append(c[1]).Append(';').Append(c[0]).Append(";VERSEE;").Append(DateTime.UtcNow.ToString("yyyy-MM-dd", Inv)).Append(';').Append(c[11]).Append(";\n");
        }

        var corps = Encoding.UTF8.GetBytes(retour.ToString());
        sw.Restart();
        var import = await Lire(await api.PostAsync("/api/v1/retours-asp", new ByteArrayContent(corps) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }));
        var tImport = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var encore = await Lire(await api.PostAsync("/api/v1/retours-asp", new ByteArrayContent(corps) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }));
        var tEncore = sw.Elapsed.TotalSeconds;

        return string.Create(Inv, $"| {n} | {envoye.GetProperty("nombreDemandes").GetInt32()} | {tPropose:F2} | {tEnvoi:F2} | **{tPropose + tEnvoi:F2}** | {fichier.Length / 1024} KB | **{tImport:F2}** ({import.GetProperty("appliquees").GetInt32()} applied) | {tEncore:F2} ({encore.GetProperty("dejaAppliquees").GetInt32()} skipped) | {tFiles:F0} ms |");
    }

    private static async Task<JsonElement> Lire(HttpResponseMessage r)
    {
        var texte = await r.Content.ReadAsStringAsync();
        return r.IsSuccessStatusCode ? JsonDocument.Parse(texte).RootElement.Clone() : throw new InvalidOperationException($"{(int)r.StatusCode} {texte}");
    }

    /// <summary>A validator with an RGS delegation, open CEJ with bank details for the structure's jeunes, N validated requests of this month.</summary>
    private static async Task<string> PreparerAsync(string connexion, string structureCode, int n)
    {
        await using var conn = new NpgsqlConnection(connexion);
        await conn.OpenAsync();
        var login = $"bench.s{int.Parse(structureCode[^3..], Inv)}.c1";
        var mois = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var sql = $"""
            UPDATE asp_net_users SET profil = 'ValidateurSiege' WHERE user_name = '{login}';
            INSERT INTO delegations_rgs (id, structure_id, utilisateur_id, certificat, du, au, accordee_par, accordee_le)
              SELECT gen_random_uuid(), u.structure_id, u.id, 'RGS-BENCH', current_date - 1, current_date + 365, u.id, now() FROM asp_net_users u
              WHERE u.user_name = '{login}' AND NOT EXISTS (SELECT 1 FROM delegations_rgs d WHERE d.utilisateur_id = u.id);
            DELETE FROM demandes_allocation d USING structures s WHERE s.id = d.structure_id AND s.code = '{structureCode}';
            DELETE FROM lots_asp l USING structures s WHERE s.id = l.structure_id AND s.code = '{structureCode}';
            INSERT INTO dispositifs (id, structure_id, jeune_id, type_code, date_debut, date_fin_prevue, evenement_id, renouvellements, version)
              SELECT gen_random_uuid(), j.structure_id, j.id, 'CEJ', current_date - 60, current_date + 300, gen_random_uuid(), 0, 0
              FROM jeunes j JOIN structures s ON s.id = j.structure_id WHERE s.code = '{structureCode}'
              ON CONFLICT DO NOTHING;
            INSERT INTO coordonnees_bancaires (id, structure_id, jeune_id, iban, bic, type_compte, titulaire, protection, date_debut)
              SELECT gen_random_uuid(), j.structure_id, j.id, 'FR7630006000011234567890189', 'AGRIFRPP', 1, upper(j.nom_usage || ' ' || j.prenom), 0, current_date - 60
              FROM jeunes j JOIN structures s ON s.id = j.structure_id WHERE s.code = '{structureCode}'
              AND NOT EXISTS (SELECT 1 FROM coordonnees_bancaires c WHERE c.jeune_id = j.id AND c.date_fin IS NULL);
            INSERT INTO demandes_allocation (id, structure_id, jeune_id, dispositif_id, type_code, mois, ressources, montant, nature, etat, premiere, cree_par, cree_le, validee_par, validee_le, version)
              SELECT gen_random_uuid(), d.structure_id, d.jeune_id, d.id, 'CEJ', '{mois:yyyy-MM-dd}', 0, 528.00 - (row_number() OVER () % 100), 1, 3, false, gen_random_uuid(), now(), gen_random_uuid(), now(), 1
              FROM dispositifs d JOIN structures s ON s.id = d.structure_id
              WHERE s.code = '{structureCode}' AND d.type_code = 'CEJ' AND d.date_fin_reelle IS NULL
              LIMIT {n};
            ANALYZE demandes_allocation;
            """;
        await using (var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 })
        {
            await cmd.ExecuteNonQueryAsync();
        }

        return login;
    }
}
