using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Structures;
using MissionLocale.Domain.Utilisateurs;
using MissionLocale.Infrastructure.Identity;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Seed;

/// <summary>Demo data, on first start only: two Missions Locales, two antennes each, one user per profile, generated jeunes.</summary>
public sealed class DemoSeeder(DbContextOptions<AppDbContext> options, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public const string MotDePasseDemo = "MissionLocale2026!";

    public sealed record CompteDemo(string Prenom, string Nom, Profil Profil, Civilite Civilite = Civilite.Monsieur);

    public sealed record StructureDemo(string Code, string Nom, string Voie, string CodePostal, string Insee, string Departement, string[] Antennes, CompteDemo[] Comptes);

    public static readonly StructureDemo[] Structures =
    [
        new("ML35-RENNES", "Mission Locale du Bassin d'Emploi de Rennes", "6 cours des Alliés", "35000", "35238", "35",
            ["Rennes Centre", "Rennes Le Blosne"],
            [
                new("Anne", "Leroy", Profil.ChargeAccueil, Civilite.Madame),
                new("Sylvain", "Debout", Profil.Conseiller),
                new("Sophie", "Debout", Profil.Conseiller, Civilite.Madame),
                new("Vincent", "Morel", Profil.ValidateurSiege),
                new("Dominique", "Garnier", Profil.Direction, Civilite.Madame),
                new("Alice", "Bernard", Profil.Administrateur, Civilite.Madame),
                new("Claire", "Lambert", Profil.AdministrateurNational, Civilite.Madame),
            ]),
        new("ML69-LYON", "Mission Locale de Lyon", "4 rue Sainte-Catherine", "69001", "69381", "69",
            ["Lyon 8e Mermoz", "Lyon 9e La Duchère"],
            [
                new("Lucie", "Fabre", Profil.ChargeAccueil, Civilite.Madame),
                new("Camille", "Roux", Profil.Conseiller, Civilite.Madame),
                new("Julien", "Blanc", Profil.Conseiller),
                new("Hugo", "Perrin", Profil.ValidateurSiege),
                new("Nadia", "Chevalier", Profil.Direction, Civilite.Madame),
                new("Marc", "Girard", Profil.Administrateur),
            ]),
    ];

    public async Task<bool> SeedAsync(int jeunesParStructure, CancellationToken ct = default)
    {
        await using (var systeme = new AppDbContext(options, new SystemUser(), clock))
        {
            if (await systeme.Structures.AnyAsync(ct))
            {
                return false;
            }
        }

        Randomizer.Seed = new Random(20261123);
        foreach (var s in Structures)
        {
            await SeedStructureAsync(s, jeunesParStructure, ct);
        }

        return true;
    }

    private async Task SeedStructureAsync(StructureDemo s, int nombreJeunes, CancellationToken ct)
    {
        await using var lecture = new AppDbContext(options, new SystemUser(Guid.Empty), clock);
        var communes = await lecture.Communes.AsNoTracking().Where(c => c.Departement == s.Departement).Select(c => c.CodeInsee).Distinct().ToListAsync(ct);

        // USR-06: the demo structures serve their whole département.
        var structure = Structure.Creer(s.Code, s.Nom, s.Voie, s.CodePostal, s.Insee, communes.Count > 0 ? communes : [s.Insee]);
        structure.ModifierEnTete($"0{(s.Departement == "69" ? "4 72" : "2 99")} 00 {s.Departement} {s.Departement}", $"contact@{s.Code.ToLowerInvariant()}.example", null);
        await using var db = new AppDbContext(options, new SystemUser(structure.Id), clock);
        db.Structures.Add(structure);
        var antennes = s.Antennes.Select(a => new Antenne(structure.Id, a)).ToList();
        antennes[0].Modifier(antennes[0].Nom, s.Voie, s.CodePostal, s.Insee, null, "Du lundi au vendredi, 9h-12h30 et 13h30-17h");
        db.Antennes.AddRange(antennes);
        await db.SaveChangesAsync(ct);

        var conseillers = new List<ApplicationUser>();
        var i = 0;
        foreach (var c in s.Comptes)
        {
            var login = Login.Proposer(c.Prenom, c.Nom, l => users.Users.Any(u => u.UserName == l));
            var user = new ApplicationUser
            {
                UserName = login,
                Email = $"{login}@{s.Code.ToLowerInvariant()}.demo.fr",
                EmailConfirmed = true,
                Nom = c.Nom,
                Prenom = c.Prenom,
                Profil = c.Profil,
                Civilite = c.Civilite,
                Fonctions = c.Profil switch
                {
                    Profil.Conseiller => FonctionsCompte.ConseillerReferent | FonctionsCompte.ReferentDispositif,

                    // RGPD-04: in the demo, the administrator is also the data protection officer.
                    Profil.Administrateur => FonctionsCompte.DelegueProtectionDonnees,

                    // PPAE-01: in the demo, the direction manages the cotraitance with France Travail.
                    Profil.Direction => FonctionsCompte.GestionnaireCotraitance,

                    // CER-06 / EP-03: in the demo, the validateur siège also validates for the département.
                    Profil.ValidateurSiege => FonctionsCompte.ValidateurDepartement,
                    _ => FonctionsCompte.Aucune,
                },
                StructureId = structure.Id,
                AntenneId = antennes[i++ % antennes.Count].Id,
            };
            // Demo accounts only: the shared demo password is set without the policy (a real one is chosen through the e-mailed link).
            user.PasswordHash = users.PasswordHasher.HashPassword(user, MotDePasseDemo);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            if (c.Profil == Profil.Conseiller)
            {
                conseillers.Add(user);
            }

            // ALLOC-13: the demo validator holds a delegation of the (demo) RGS certificate for the year.
            if (c.Profil == Profil.ValidateurSiege)
            {
                var jour = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                db.DelegationsRgs.Add(new Domain.Allocations.DelegationRgs(structure.Id, user.Id, $"RGS-DEMO-{s.Code}", jour.AddDays(-1), jour.AddYears(1), Guid.Empty, clock.GetUtcNow()));
            }
        }

        // USR-07: the conseillers are référents de dispositif (the second one acts as CRE); partners are prescripteurs.
        foreach (var c in conseillers)
        {
            db.Intervenants.Add(new Domain.Dispositifs.Intervenant(structure.Id, Domain.Dispositifs.FonctionIntervenant.ReferentDispositif, $"{c.Prenom} {c.Nom}", c.Id));
            db.Intervenants.Add(new Domain.Dispositifs.Intervenant(structure.Id, Domain.Dispositifs.FonctionIntervenant.Prescripteur, $"{c.Prenom} {c.Nom}", c.Id));
        }

        foreach (var partenaire in new[] { "France Travail", "CIO", "Service social départemental" })
        {
            db.Intervenants.Add(new Domain.Dispositifs.Intervenant(structure.Id, Domain.Dispositifs.FonctionIntervenant.Prescripteur, partenaire, null));
        }

        await db.SaveChangesAsync(ct);

        var lieux = await (from cp in db.CodesPostaux
                           join co in db.Communes on cp.CommuneInsee equals co.CodeInsee
                           where co.Departement == s.Departement
                           orderby co.CodeInsee, cp.Code
                           select new { cp.Code, co.CodeInsee, co.Nom }).Take(120).ToListAsync(ct);
        var qpvVoies = await db.QpvVoies.Where(v => lieux.Select(l => l.CodeInsee).Contains(v.CommuneInsee)).ToListAsync(ct);
        var faker = new Faker("fr");
        var maintenant = clock.GetUtcNow();
        var aujourdhui = DateOnly.FromDateTime(maintenant.UtcDateTime);
        Jeune? premier = null;
        var rsa = new List<Jeune>();
        for (var n = 0; n < nombreJeunes; n++)
        {
            var femme = faker.Random.Bool();
            var prenom = faker.Name.FirstName(femme ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
            var nom = faker.Name.LastName();
            var naissance = aujourdhui.AddDays(-faker.Random.Int(16 * 365 + 5, 25 * 365 + 300));
            var conseiller = conseillers[n % conseillers.Count];
            var antenne = antennes[n % antennes.Count];
            var identite = new SaisieIdentite(
                femme ? Civilite.Madame : Civilite.Monsieur, nom, null, prenom, naissance, false, null, lieux[faker.Random.Int(0, lieux.Count - 1)].CodeInsee,
                Nationalite.Francaise, faker.PickRandom(SituationFamiliale.Celibataire, SituationFamiliale.UnionLibre, SituationFamiliale.NonRenseigne), 0, ModeGarde.NonConcerne, null, null);
            var contacts = new SaisieContacts(
                $"{Domain.Common.Texte.Cle(prenom).Replace(" ", "-", StringComparison.Ordinal)}.{Domain.Common.Texte.Cle(nom).Replace(" ", "-", StringComparison.Ordinal)}{n}@exemple.fr",
                $"06 {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)} {faker.Random.Int(10, 99)}", true, null, false, null);
            var jeune = Jeune.PremierAccueil(structure.Id, antenne.Id, identite, contacts, true, conseiller.Id, maintenant.AddDays(-faker.Random.Int(1, 700)));
            jeune.ModifierReferent(conseiller.Id, antenne.Id, faker.PickRandom("Famille / amis", "France Travail", "Établissement scolaire", "Spontanée", "Réseaux sociaux"), SavoirsDeBase.Acquis);
            var lieu = lieux[faker.Random.Int(0, lieux.Count - 1)];
            var enQpv = n % 10 == 0 && qpvVoies.Count > 0 ? qpvVoies[faker.Random.Int(0, qpvVoies.Count - 1)] : null;
            if (enQpv is not null)
            {
                lieu = lieux.FirstOrDefault(l => l.CodeInsee == enQpv.CommuneInsee) ?? lieu;
            }

            var voie = enQpv is null ? faker.Address.StreetName() : System.Globalization.CultureInfo.GetCultureInfo("fr-FR").TextInfo.ToTitleCase(enQpv.VoieCle);
            jeune.NouvelleAdresse(
                new SaisieAdresse(faker.Random.Int(1, 120).ToString(System.Globalization.CultureInfo.InvariantCulture), voie, null, null, null, null, null, lieu.Code, lieu.CodeInsee, lieu.Nom),
                DateOnly.FromDateTime(jeune.CreeLe.UtcDateTime), enQpv?.QpvCode, false);
            if (n % 3 == 0)
            {
                jeune.ModifierComplements(new SaisieComplements("PUMa", "Complémentaire santé solidaire", Rsa.Non, false, null, true, $"{faker.Random.Int(1000000, 9999999)}{faker.Random.Char('A', 'Z')}"));
            }

            db.Jeunes.Add(jeune);
            premier ??= jeune;
            if (n is 1 or 2)
            {
                rsa.Add(jeune);
            }
            db.Evenements.Add(new Evenement(structure.Id, jeune.Id, NatureEvenement.EntretienIndividuel, jeune.CreeLe, 45, conseiller.Id, antenne.Id, "Premier accueil"));
            if (n % 100 == 99)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        AffectationsDemo(db, structure, s, premier, antennes[0].Id, aujourdhui, maintenant);
        await db.SaveChangesAsync(ct);
        if (rsa.Count == 2)
        {
            RsaDemo(db, structure.Id, rsa[0], rsa[1], aujourdhui);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// CER-01 to CER-06, EP-01: two RSA beneficiaries in parcours d'insertion: one contract signed and submitted to the
    /// département (for the validateur siège, who holds the function in the demo), one being drafted with a saisine
    /// « Absence de CER » to validate.
    /// </summary>
    private static void RsaDemo(AppDbContext db, Guid structureId, Jeune soumis, Jeune brouillon, DateOnly aujourdhui)
    {
        var (p1, cer1) = ParcoursInsertion.Ouvrir(structureId, soumis.Id, TypeAccompagnement.Professionnel, soumis.ConseillerReferentId!.Value, aujourdhui.AddDays(-20));
        cer1.Saisir(new ContenuCer("Trouver un emploi dans la logistique", "Permis B, disponible", "Horaires décalés", "Je peux commencer tôt le matin", "Postuler à 5 offres par semaine, suivre l'atelier CV", "Un rendez-vous toutes les deux semaines"),
            [Cer.Action("EMPLOI-RECH", "Recherche d'emploi accompagnée", aujourdhui.AddDays(-20))]);
        cer1.SignerBeneficiaire(aujourdhui.AddDays(-2));
        cer1.SignerReferent(aujourdhui.AddDays(-2), null, soumis.ConseillerReferentId);
        cer1.Soumettre();
        var (p2, cer2) = ParcoursInsertion.Ouvrir(structureId, brouillon.Id, TypeAccompagnement.SocioProfessionnel, brouillon.ConseillerReferentId!.Value, aujourdhui.AddDays(-45));
        cer2.Saisir(new ContenuCer("Reprendre une formation qualifiante", null, "Garde d'enfant", null, null, "Tous les mois"), []);
        db.ParcoursInsertion.AddRange(p1, p2);
        db.Cers.AddRange(cer1, cer2);
        db.SaisinesEp.Add(SaisineEp.Creer(structureId, brouillon.Id, true, MotifSaisine.AbsenceCer, null, null, "Deux convocations sans réponse.", [], aujourdhui.AddDays(-3), brouillon.ConseillerReferentId!.Value));
    }

    /// <summary>
    /// PPAE-01: France Travail's assignments waiting for the gestionnaire (the direction in the demo): two jeunes unknown
    /// here, one the Mission Locale knows (a rapprochement), one of 26, one living outside the département; and one
    /// already accepted, with its partial dossier « Importé DUDE » and its PPAE « Non initialisé ».
    /// </summary>
    private static void AffectationsDemo(AppDbContext db, Structure structure, StructureDemo s, Jeune? connu, Guid antenne, DateOnly aujourdhui, DateTimeOffset maintenant)
    {
        var hier = aujourdhui.AddDays(-1);
        AffectationFt Affectation(int n, Civilite civilite, string nom, string prenom, DateOnly naissance, string commune) =>
            AffectationFt.Importer(structure.Id, $"DEMO{s.Departement}{n:0000}", civilite, Nationalite.Francaise, nom.ToUpperInvariant(), prenom, naissance, commune, hier, null, "affectations-demo.csv", maintenant);
        db.AffectationsFt.AddRange(
            Affectation(1, Civilite.Madame, "Lemoine", "Clara", aujourdhui.AddYears(-19).AddDays(-40), s.Insee),
            Affectation(2, Civilite.Monsieur, "Benali", "Yanis", aujourdhui.AddYears(-22).AddDays(-100), s.Insee),
            Affectation(3, Civilite.Monsieur, "Rousseau", "Théo", aujourdhui.AddYears(-27), s.Insee),
            Affectation(4, Civilite.Madame, "Caron", "Inès", aujourdhui.AddYears(-20), "75056"));
        if (connu is not null)
        {
            db.AffectationsFt.Add(Affectation(5, connu.Civilite, connu.NomUsage, connu.Prenom, connu.DateNaissance, s.Insee));
        }

        var acceptee = Affectation(6, Civilite.Madame, "Garnier", "Lou", aujourdhui.AddYears(-18).AddDays(-7), s.Insee);
        var partiel = Jeune.ImporteDude(structure.Id, antenne, acceptee.Civilite, acceptee.Nationalite, acceptee.Nom, acceptee.Prenom, acceptee.DateNaissance, acceptee.IdentifiantFt, maintenant);
        acceptee.Accepter(new HashSet<string> { s.Insee }, 26, new Rapprochement(ListeCotraitance.DeNonConnus, []), partiel.Id, Guid.Empty, maintenant);
        db.Jeunes.Add(partiel);
        db.AffectationsFt.Add(acceptee);
        db.Ppaes.Add(Ppae.Creer(acceptee, partiel.Id, maintenant.AddDays(-1)));
    }
}
