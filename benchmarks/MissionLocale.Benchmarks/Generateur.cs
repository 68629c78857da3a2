using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace MissionLocale.Benchmarks;

/// <summary>
/// National-size data set with PostgreSQL binary COPY: structures with antennes and conseillers, jeunes with
/// addresses (30 % with a previous one) and history rows. Secondary indexes are dropped during the load and
/// rebuilt after, as a bulk load should.
/// </summary>
public static class Generateur
{
    private static readonly string[] Prenoms =
    [
        "Emma", "Louise", "Jade", "Alice", "Chloé", "Léa", "Manon", "Inès", "Camille", "Sarah", "Élodie", "Zoé", "Lina", "Anaïs", "Maëlys",
        "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Adam", "Nathan", "Théo", "Noah", "Enzo", "Mathis", "Yanis", "Mohamed", "Rayan",
        "Clément", "Maxime", "Thomas", "Léo", "Paul", "Sacha", "Amine", "Kylian", "Océane", "Laura", "Mélissa", "Yasmine", "Aya", "Héloïse", "Noémie",
    ];

    public static readonly string[] Noms =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel",
        "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
        "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Müller", "Henry", "Roussel", "Nicolas", "Perrin",
        "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
        "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez",
        "Marchand", "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre",
        "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard",
        "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière",
        "Le Gall", "Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier", "Julien",
        "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet", "Prévost", "Poirier", "Charpentier",
        "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barré", "Marty", "Cousin",
        "Benali", "Haddad", "Diallo", "Traoré", "Kone", "Diop", "Bensaïd", "Yilmaz", "Kaya", "Pereira", "Ferreira", "Costa", "Rossi", "Bianchi", "Nowak",
    ];

    public static async Task ExecuterAsync(string connexion, int nbJeunes, int nbStructures, int conseillersParStructure, int evenementsParJeune = 0, int rdvParJeune = 0, int grandeStructure = 0)
    {
        var total = Stopwatch.StartNew();
        var rnd = new Random(42);
        await using var conn = new NpgsqlConnection(connexion);
        await conn.OpenAsync();

        // A bulk load is made of a few large COPY commits: they need not each wait for the WAL on disk (the data is on
        // disk at the next checkpoint, and a failed load is simply run again). The app's own sessions stay durable.
        await using (var sc = new NpgsqlCommand("SET synchronous_commit = off", conn))
        {
            await sc.ExecuteNonQueryAsync();
        }

        var modele = await LireUnAsync(conn, "SELECT password_hash FROM asp_net_users WHERE password_hash IS NOT NULL LIMIT 1")
            ?? throw new InvalidOperationException("Aucun utilisateur de démo : démarrez l'application une fois pour migrer et semer la base.");
        var lieux = new List<(string Insee, string Nom, string Cp)>();
        await using (var cmd = new NpgsqlCommand("SELECT c.code_insee, c.nom, p.code FROM communes c JOIN codes_postaux p ON p.commune_insee = c.code_insee", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                lieux.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
        }

        var index = await SupprimerIndexAsync(conn, ["jeunes", "adresses", "historique_modifications", "evenements", "rendez_vous", "dispositifs", "situations"]);
        Console.WriteLine($"{index.Count} index secondaires supprimés pour le chargement");

        var structures = new List<(Guid Id, Guid[] Antennes, Guid[] Conseillers)>();
        var sw = Stopwatch.StartNew();
        await using (var w = await conn.BeginBinaryImportAsync("COPY structures (id, code, nom, adresse_voie, code_postal, commune_insee) FROM STDIN (FORMAT BINARY)"))
        {
            for (var s = 0; s < nbStructures; s++)
            {
                var lieu = lieux[rnd.Next(lieux.Count)];
                var id = Guid.CreateVersion7();
                structures.Add((id, [Guid.CreateVersion7(), Guid.CreateVersion7()], Enumerable.Range(0, conseillersParStructure).Select(_ => Guid.CreateVersion7()).ToArray()));
                await w.StartRowAsync();
                await w.WriteAsync(id, NpgsqlDbType.Uuid);
                await w.WriteAsync($"BENCH-{s:000}", NpgsqlDbType.Varchar);
                await w.WriteAsync($"Mission Locale de {lieu.Nom} (bench {s})", NpgsqlDbType.Varchar);
                await w.WriteAsync("1 place de la Mairie", NpgsqlDbType.Varchar);
                await w.WriteAsync(lieu.Cp, NpgsqlDbType.Varchar);
                await w.WriteAsync(lieu.Insee, NpgsqlDbType.Varchar);
            }

            await w.CompleteAsync();
        }

        await using (var w = await conn.BeginBinaryImportAsync("COPY antennes (id, structure_id, nom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in structures)
            {
                for (var a = 0; a < s.Antennes.Length; a++)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(s.Antennes[a], NpgsqlDbType.Uuid);
                    await w.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync($"Antenne {a + 1}", NpgsqlDbType.Varchar);
                }
            }

            await w.CompleteAsync();
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY asp_net_users (id, structure_id, antenne_id, nom, prenom, profil, actif, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)"))
        {
            for (var s = 0; s < structures.Count; s++)
            {
                for (var c = 0; c < structures[s].Conseillers.Length; c++)
                {
                    var login = $"bench.s{s}.c{c}";
                    await w.StartRowAsync();
                    await w.WriteAsync(structures[s].Conseillers[c], NpgsqlDbType.Uuid);
                    await w.WriteAsync(structures[s].Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(structures[s].Antennes[c % 2], NpgsqlDbType.Uuid);
                    await w.WriteAsync(Noms[rnd.Next(Noms.Length)], NpgsqlDbType.Varchar);
                    await w.WriteAsync(Prenoms[rnd.Next(Prenoms.Length)], NpgsqlDbType.Varchar);
                    await w.WriteAsync("Conseiller", NpgsqlDbType.Varchar);
                    await w.WriteAsync(true, NpgsqlDbType.Boolean);
                    await w.WriteAsync(login, NpgsqlDbType.Varchar);
                    await w.WriteAsync(login.ToUpperInvariant(), NpgsqlDbType.Varchar);
                    await w.WriteAsync($"{login}@bench.fr", NpgsqlDbType.Varchar);
                    await w.WriteAsync($"{login}@bench.fr".ToUpperInvariant(), NpgsqlDbType.Varchar);
                    await w.WriteAsync(true, NpgsqlDbType.Boolean);
                    await w.WriteAsync(modele, NpgsqlDbType.Text);
                    await w.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                    await w.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                    await w.WriteAsync(false, NpgsqlDbType.Boolean);
                    await w.WriteAsync(false, NpgsqlDbType.Boolean);
                    await w.WriteAsync(true, NpgsqlDbType.Boolean);
                    await w.WriteAsync(0, NpgsqlDbType.Integer);
                }
            }

            await w.CompleteAsync();
        }

        Console.WriteLine($"structures, antennes, {nbStructures * conseillersParStructure} conseillers : {sw.Elapsed.TotalSeconds:F1} s");

        // Which structure a jeune belongs to, and its rank there: the last structure holds `grandeStructure` jeunes
        // (issue 4: the portal's alerts of a 30k-jeune Mission Locale), the others share the rest.
        var autres = grandeStructure > 0 ? nbStructures - 1 : nbStructures;
        var indexStructure = new int[nbJeunes];
        var rangs = new int[nbJeunes];
        for (var i = 0; i < nbJeunes; i++)
        {
            (indexStructure[i], rangs[i]) = i < grandeStructure ? (nbStructures - 1, i) : ((i - grandeStructure) % autres, (i - grandeStructure) / autres);
        }

        sw.Restart();
        var maintenant = DateTime.UtcNow;
        var jeunes = new (Guid Id, Guid Structure, DateTime Cree, string Nom, string Prenom)[nbJeunes];
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY jeunes (id, structure_id, version, cree_le, civilite, nom_usage, prenom, prenom_cle, date_naissance, ne_al_etranger, commune_naissance_insee, nationalite, situation_familiale, enfants_a_charge, mode_garde, pas_de_nir, nir_certifie, email, telephone_mobile, mobile_joignable, fixe_joignable, rsa, rqth, inscrit_france_travail, identifiant_ft, conseiller_referent_id, antenne_id, savoirs_de_base, rayon_mobilite, moyens_transport, consentement_le, consentement_par) FROM STDIN (FORMAT BINARY)"))
        {
            var vides = Array.Empty<int>();
            for (var i = 0; i < nbJeunes; i++)
            {
                var s = structures[indexStructure[i]];
                var prenom = Prenoms[rnd.Next(Prenoms.Length)];
                var nom = Noms[rnd.Next(Noms.Length)];
                var nomNormalise = Normaliser(nom);
                var cree = maintenant.AddDays(-rnd.Next(1, 3000));
                var id = Guid.CreateVersion7();
                jeunes[i] = (id, s.Id, cree, nomNormalise, prenom);
                var inscrit = rnd.Next(3) == 0;
                await w.StartRowAsync();
                await w.WriteAsync(id, NpgsqlDbType.Uuid);
                await w.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(cree, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(1 + rnd.Next(2), NpgsqlDbType.Integer);
                await w.WriteAsync(nomNormalise, NpgsqlDbType.Varchar);
                await w.WriteAsync(prenom, NpgsqlDbType.Varchar);
                await w.WriteAsync(Cle(prenom), NpgsqlDbType.Varchar);
                await w.WriteAsync(DateOnly.FromDateTime(cree).AddDays(-rnd.Next(16 * 365, 26 * 365)), NpgsqlDbType.Date);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(lieux[rnd.Next(lieux.Count)].Insee, NpgsqlDbType.Varchar);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(rnd.Next(8), NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync($"j{i}@exemple.fr", NpgsqlDbType.Varchar);
                await w.WriteAsync($"06 {rnd.Next(10, 99)} {rnd.Next(10, 99)} {rnd.Next(10, 99)} {rnd.Next(10, 99)}", NpgsqlDbType.Varchar);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
                await w.WriteAsync(inscrit, NpgsqlDbType.Boolean);
                if (inscrit)
                {
                    await w.WriteAsync($"{1000000 + (i % 8999999)}{(char)('A' + (i % 26))}", NpgsqlDbType.Varchar);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(s.Conseillers[rangs[i] % s.Conseillers.Length], NpgsqlDbType.Uuid);
                await w.WriteAsync(s.Antennes[i % 2], NpgsqlDbType.Uuid);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(vides, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                await w.WriteAsync(cree, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(s.Conseillers[0], NpgsqlDbType.Uuid);
            }

            await w.CompleteAsync();
        }

        Console.WriteLine($"{nbJeunes} jeunes : {sw.Elapsed.TotalSeconds:F1} s");

        sw.Restart();
        var historique = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY adresses (id, jeune_id, numero, voie, code_postal, commune_insee, commune_nom, normalisee, npai, zrr, motif, date_debut, date_fin) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < nbJeunes; i++)
            {
                var j = jeunes[i];
                var debut = DateOnly.FromDateTime(j.Cree);
                if (i % 10 < 3)
                {
                    var ancien = lieux[rnd.Next(lieux.Count)];
                    var demenagement = debut.AddDays(rnd.Next(30, 400));
                    await Adresse(w, j.Id, rnd, ancien, debut, demenagement.AddDays(-1));
                    debut = demenagement;
                    historique++;
                }

                await Adresse(w, j.Id, rnd, lieux[rnd.Next(lieux.Count)], debut, null);
            }

            await w.CompleteAsync();
        }

        Console.WriteLine($"{nbJeunes + historique} adresses : {sw.Elapsed.TotalSeconds:F1} s");

        sw.Restart();
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY historique_modifications (structure_id, jeune_id, le, utilisateur, element, champ, nouvelle_valeur) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < nbJeunes; i++)
            {
                var j = jeunes[i];
                await w.StartRowAsync();
                await w.WriteAsync(j.Structure, NpgsqlDbType.Uuid);
                await w.WriteAsync(j.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(j.Cree, NpgsqlDbType.TimestampTz);
                await w.WriteAsync("bench", NpgsqlDbType.Varchar);
                await w.WriteAsync("Dossier", NpgsqlDbType.Varchar);
                await w.WriteAsync("Création du dossier", NpgsqlDbType.Varchar);
                await w.WriteAsync($"{j.Nom} {j.Prenom}", NpgsqlDbType.Text);
                if (i % 10 < 3)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(j.Structure, NpgsqlDbType.Uuid);
                    await w.WriteAsync(j.Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(j.Cree.AddDays(200), NpgsqlDbType.TimestampTz);
                    await w.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await w.WriteAsync("Adresse", NpgsqlDbType.Varchar);
                    await w.WriteAsync("Ajout", NpgsqlDbType.Varchar);
                    await w.WriteAsync("nouvelle adresse", NpgsqlDbType.Text);
                }
            }

            await w.CompleteAsync();
        }

        Console.WriteLine($"{nbJeunes + historique} lignes d'historique : {sw.Elapsed.TotalSeconds:F1} s");

        if (evenementsParJeune > 0)
        {
            sw.Restart();
            var natures = new[] { 1, 1, 1, 2, 3, 4 };
            await using (var w = await conn.BeginBinaryImportAsync(
                "COPY evenements (id, structure_id, jeune_id, nature, date, duree_minutes, conseiller_id, antenne_id, commentaire) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < nbJeunes; i++)
                {
                    var j = jeunes[i];
                    var s = structures[indexStructure[i]];
                    for (var e = 0; e < evenementsParJeune; e++)
                    {
                        await w.StartRowAsync();
                        await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await w.WriteAsync(j.Structure, NpgsqlDbType.Uuid);
                        await w.WriteAsync(j.Id, NpgsqlDbType.Uuid);
                        await w.WriteAsync(natures[rnd.Next(natures.Length)], NpgsqlDbType.Integer);
                        await w.WriteAsync(j.Cree.AddDays(e * 30 + rnd.Next(20)), NpgsqlDbType.TimestampTz);
                        await w.WriteAsync(30 + (15 * rnd.Next(4)), NpgsqlDbType.Integer);
                        await w.WriteAsync(s.Conseillers[rangs[i] % s.Conseillers.Length], NpgsqlDbType.Uuid);
                        await w.WriteAsync(s.Antennes[i % 2], NpgsqlDbType.Uuid);
                        await w.WriteAsync("Entretien de suivi", NpgsqlDbType.Varchar);
                    }
                }

                await w.CompleteAsync();
            }

            Console.WriteLine($"{(long)nbJeunes * evenementsParJeune} événements : {sw.Elapsed.TotalSeconds:F1} s");
        }

        if (rdvParJeune > 0)
        {
            sw.Restart();
            var jourConvocations = DateTime.UtcNow.Date.AddDays(30);
            await using (var w = await conn.BeginBinaryImportAsync(
                "COPY rendez_vous (id, structure_id, jeune_id, nature, modalite, objet, intervenant_id, antenne_id, lieu, debut, fin, rappel_email, rappel_sms, statut, motif_absence, version) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < nbJeunes; i++)
                {
                    var j = jeunes[i];
                    var s = structures[indexStructure[i]];
                    var conseiller = s.Conseillers[rangs[i] % s.Conseillers.Length];
                    for (var r = 0; r < rdvParJeune; r++)
                    {
                        // The first conseiller of the first structure gets 200 rendez-vous on one day (convocation batch).
                        var k = rangs[i];
                        var rang = (k / s.Conseillers.Length * rdvParJeune) + r;
                        var debut = indexStructure[i] == 0 && k % s.Conseillers.Length == 0 && rang < 200
                            ? jourConvocations.AddHours(7).AddMinutes(2 * rang)
                            : DateTime.UtcNow.Date.AddDays(rnd.Next(-400, 60)).AddHours(8 + rnd.Next(9));
                        var passe = debut < DateTime.UtcNow;
                        var statut = passe ? (rnd.Next(10) < 7 ? 2 : rnd.Next(10) < 5 ? 3 : 1) : 1;
                        await w.StartRowAsync();
                        await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await w.WriteAsync(j.Structure, NpgsqlDbType.Uuid);
                        await w.WriteAsync(j.Id, NpgsqlDbType.Uuid);
                        await w.WriteAsync(1, NpgsqlDbType.Integer);
                        await w.WriteAsync(1, NpgsqlDbType.Integer);
                        await w.WriteAsync("Entretien de suivi", NpgsqlDbType.Varchar);
                        await w.WriteAsync(conseiller, NpgsqlDbType.Uuid);
                        await w.WriteAsync(s.Antennes[i % 2], NpgsqlDbType.Uuid);
                        await w.WriteAsync("Antenne", NpgsqlDbType.Varchar);
                        await w.WriteAsync(debut, NpgsqlDbType.TimestampTz);
                        await w.WriteAsync(debut.AddMinutes(30), NpgsqlDbType.TimestampTz);
                        await w.WriteAsync(true, NpgsqlDbType.Boolean);
                        await w.WriteAsync(true, NpgsqlDbType.Boolean);
                        await w.WriteAsync(statut, NpgsqlDbType.Integer);
                        if (statut == 3)
                        {
                            await w.WriteAsync(1 + rnd.Next(5), NpgsqlDbType.Integer);
                        }
                        else
                        {
                            await w.WriteNullAsync();
                        }

                        await w.WriteAsync(0, NpgsqlDbType.Integer);
                    }
                }

                await w.CompleteAsync();
            }

            Console.WriteLine($"{(long)nbJeunes * rdvParJeune} rendez-vous : {sw.Elapsed.TotalSeconds:F1} s (200 le {jourConvocations:yyyy-MM-dd} pour bench.s0.c0)");
        }

        await DispositifsAsync(conn, rnd, jeunes.Select(j => (j.Id, j.Structure)).ToArray(), indexStructure, rangs, structures.Select(s => s.Conseillers.Length).ToArray());

        sw.Restart();
        await Executer(conn, "SET maintenance_work_mem = '1GB'");
        await Executer(conn, "SET max_parallel_maintenance_workers = 2");
        foreach (var ddl in index)
        {
            await Executer(conn, ddl);
        }

        await Executer(conn, "ANALYZE jeunes; ANALYZE adresses; ANALYZE historique_modifications; ANALYZE asp_net_users; ANALYZE evenements; ANALYZE rendez_vous; ANALYZE dispositifs; ANALYZE situations;");
        Console.WriteLine($"index reconstruits et statistiques : {sw.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"TOTAL {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Issue 4: dispositifs for about a quarter of the jeunes (CEJ 8 %, PACEA after a closed diagnostic 6 %, diagnostic
    /// 3 %, closed Relation Entreprise 5 %), and the first conseiller of each of the first 8 structures with exactly 50
    /// jeunes in CEJ (the weekly hours scenario). CEJ jeunes get last weeks' activity: ateliers and entretiens, and one in
    /// five a situation (formation, or auto-entrepreneur for CEJ-03).
    /// </summary>
    private static async Task DispositifsAsync(NpgsqlConnection conn, Random rnd, (Guid Id, Guid Structure)[] jeunes, int[] indexStructure, int[] rangs, int[] conseillers)
    {
        var sw = Stopwatch.StartNew();
        var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow);
        var cej = new List<int>();
        var nb = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY dispositifs (id, structure_id, jeune_id, type_code, date_debut, date_fin_prevue, date_fin_reelle, motif_sortie, sortie_positive, evenement_id, pilote, renouvellements, version) FROM STDIN (FORMAT BINARY)"))
        {
            async Task Ecrire(int i, string type, DateOnly debut, DateOnly finPrevue, DateOnly? fin, string? motif, bool? positive)
            {
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(jeunes[i].Structure, NpgsqlDbType.Uuid);
                await w.WriteAsync(jeunes[i].Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(type, NpgsqlDbType.Varchar);
                await w.WriteAsync(debut, NpgsqlDbType.Date);
                await w.WriteAsync(finPrevue, NpgsqlDbType.Date);
                if (fin is { } f)
                {
                    await w.WriteAsync(f, NpgsqlDbType.Date);
                    await w.WriteAsync(motif!, NpgsqlDbType.Varchar);
                }
                else
                {
                    await w.WriteNullAsync();
                    await w.WriteNullAsync();
                }

                if (positive is { } p)
                {
                    await w.WriteAsync(p, NpgsqlDbType.Boolean);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteNullAsync();
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                nb++;
            }

            for (var i = 0; i < jeunes.Length; i++)
            {
                var portefeuilleCej = indexStructure[i] < 8 && rangs[i] % conseillers[indexStructure[i]] == 0 && rangs[i] / conseillers[indexStructure[i]] < 50;
                var d = rnd.Next(100);
                if (portefeuilleCej || (d < 8 && indexStructure[i] >= 8) || (d < 8 && rangs[i] % conseillers[indexStructure[i]] != 0))
                {
                    var debut = portefeuilleCej ? aujourdhui.AddDays(-90) : aujourdhui.AddDays(-rnd.Next(7, 300));
                    await Ecrire(i, "CEJ", debut, debut.AddMonths(12), null, null, null);
                    cej.Add(i);
                }
                else if (d < 14)
                {
                    var debut = aujourdhui.AddDays(-rnd.Next(10, 600));
                    await Ecrire(i, "DIAG", debut.AddDays(-25), debut.AddDays(-1), debut.AddDays(-1), "PACEA", null);
                    await Ecrire(i, "PACEA", debut, debut.AddMonths(18), null, null, null);
                }
                else if (d < 17)
                {
                    var debut = aujourdhui.AddDays(-rnd.Next(1, 90));
                    await Ecrire(i, "DIAG", debut, debut.AddMonths(1), null, null, null);
                }
                else if (d < 22)
                {
                    var debut = aujourdhui.AddDays(-rnd.Next(100, 900));
                    await Ecrire(i, "RE", debut, debut.AddMonths(3), debut.AddMonths(2), "CDI", true);
                }
            }

            await w.CompleteAsync();
        }

        var situations = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY situations (id, structure_id, jeune_id, cree_par, type, date_debut, date_fin, type_contrat, organisme) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var i in cej.Where(_ => rnd.Next(5) == 0))
            {
                var ae = rnd.Next(2) == 0;
                await w.StartRowAsync();
                await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await w.WriteAsync(jeunes[i].Structure, NpgsqlDbType.Uuid);
                await w.WriteAsync(jeunes[i].Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await w.WriteAsync(ae ? 1 : 2, NpgsqlDbType.Integer);
                await w.WriteAsync(aujourdhui.AddDays(-rnd.Next(5, 60)), NpgsqlDbType.Date);
                await w.WriteAsync(aujourdhui.AddDays(rnd.Next(-3, 120)), NpgsqlDbType.Date);
                if (ae)
                {
                    await w.WriteAsync("Auto-entrepreneur", NpgsqlDbType.Varchar);
                    await w.WriteNullAsync();
                }
                else
                {
                    await w.WriteNullAsync();
                    await w.WriteAsync("AFPA", NpgsqlDbType.Varchar);
                }

                situations++;
            }

            await w.CompleteAsync();
        }

        var evenements = 0;
        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY evenements (id, structure_id, jeune_id, nature, date, duree_minutes, conseiller_id, antenne_id, commentaire) FROM STDIN (FORMAT BINARY)"))
        {
            var lundi = aujourdhui.AddDays(-(((int)aujourdhui.DayOfWeek + 6) % 7) - 14);
            foreach (var i in cej)
            {
                // Two weeks of activity before the current one: 0 to 5 événements a week.
                for (var n = rnd.Next(0, 11); n > 0; n--)
                {
                    var jour = lundi.AddDays(rnd.Next(0, 14)).ToDateTime(new TimeOnly(8 + rnd.Next(8), 0), DateTimeKind.Utc);
                    await w.StartRowAsync();
                    await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await w.WriteAsync(jeunes[i].Structure, NpgsqlDbType.Uuid);
                    await w.WriteAsync(jeunes[i].Id, NpgsqlDbType.Uuid);
                    await w.WriteAsync(rnd.Next(3) == 0 ? 1 : 3, NpgsqlDbType.Integer);
                    await w.WriteAsync(jour, NpgsqlDbType.TimestampTz);
                    await w.WriteAsync(60 * (1 + rnd.Next(4)), NpgsqlDbType.Integer);
                    await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                    await w.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                    await w.WriteAsync("Atelier CEJ", NpgsqlDbType.Varchar);
                    evenements++;
                }
            }

            await w.CompleteAsync();
        }

        Console.WriteLine($"{nb} dispositifs ({cej.Count} CEJ), {situations} situations, {evenements} événements CEJ récents : {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task Adresse(NpgsqlBinaryImporter w, Guid jeune, Random rnd, (string Insee, string Nom, string Cp) lieu, DateOnly debut, DateOnly? fin)
    {
        await w.StartRowAsync();
        await w.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await w.WriteAsync(jeune, NpgsqlDbType.Uuid);
        await w.WriteAsync(rnd.Next(1, 200).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
        await w.WriteAsync("Rue " + Noms[rnd.Next(Noms.Length)], NpgsqlDbType.Varchar);
        await w.WriteAsync(lieu.Cp, NpgsqlDbType.Varchar);
        await w.WriteAsync(lieu.Insee, NpgsqlDbType.Varchar);
        await w.WriteAsync(lieu.Nom, NpgsqlDbType.Varchar);
        await w.WriteAsync(false, NpgsqlDbType.Boolean);
        await w.WriteAsync(false, NpgsqlDbType.Boolean);
        await w.WriteAsync(false, NpgsqlDbType.Boolean);
        await w.WriteAsync(0, NpgsqlDbType.Integer);
        await w.WriteAsync(debut, NpgsqlDbType.Date);
        if (fin is { } f)
        {
            await w.WriteAsync(f, NpgsqlDbType.Date);
        }
        else
        {
            await w.WriteNullAsync();
        }
    }

    private static async Task<List<string>> SupprimerIndexAsync(NpgsqlConnection conn, string[] tables)
    {
        var ddl = new List<(string Nom, string Def)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = ANY(@t) AND i.schemaname = 'public' " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", conn))
        {
            cmd.Parameters.AddWithValue("t", tables);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                ddl.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (nom, _) in ddl)
        {
            await Executer(conn, $"DROP INDEX \"{nom}\"");
        }

        return ddl.Select(d => d.Def).ToList();
    }

    private static async Task Executer(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string?> LireUnAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync() as string;
    }

    public static string Normaliser(string nom) =>
        string.Join(' ', RetirerAccents(nom).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static string Cle(string s) => RetirerAccents(s).ToLowerInvariant();

    private static string RetirerAccents(string s)
    {
        var d = s.Normalize(System.Text.NormalizationForm.FormD);
        return new string(d.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }
}
