using System.Text;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.AccorderDelegationRgs;
using MissionLocale.Application.Allocations.AttacherScanCerfa;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.ConsulterFilesSiege;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Allocations.EnvoyerLot;
using MissionLocale.Application.Allocations.GenererCerfa;
using MissionLocale.Application.Allocations.ImporterRetourAsp;
using MissionLocale.Application.Allocations.ListerCerfas;
using MissionLocale.Application.Allocations.ListerDelegationsRgs;
using MissionLocale.Application.Allocations.ListerDemandes;
using MissionLocale.Application.Allocations.LotsAsp;
using MissionLocale.Application.Allocations.ModifierDemande;
using MissionLocale.Application.Allocations.ProposerLot;
using MissionLocale.Application.Allocations.RenvoyerCerfa;
using MissionLocale.Application.Allocations.RevoquerDelegationRgs;
using MissionLocale.Application.Allocations.SoumettreDemande;
using MissionLocale.Application.Allocations.SupprimerDemande;
using MissionLocale.Application.Allocations.TelechargerLot;
using MissionLocale.Application.Allocations.ValiderCerfa;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Dispositifs.RenouvelerDispositif;
using MissionLocale.Application.Dispositifs.SupprimerCej;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using UglyToad.PdfPig;

namespace MissionLocale.Application.Tests;

/// <summary>
/// Issue 5 on PostgreSQL: requests (ALLOC-01..08, 12), CERFA (CERFA-01..04, CEJ-05), the siège (ALLOC-13), batches and
/// returns (ALLOC-11), with the concurrency the database must hold.
/// </summary>
public sealed class AllocationsTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string C = "conseiller.a";
    private const string V = "validateursiege.a";
    private const string Iban = "FR76 3000 6000 0112 3456 7890 189";
    private static readonly DateOnly Mars = new(2026, 3, 1);
    private static readonly DateOnly Fevrier = new(2026, 2, 1);

    /// <summary>A jeune (accents, full address) in a CEJ from 2026-02-02; returns the jeune and the CEJ.</summary>
    private async Task<(Guid Jeune, Guid Cej)> JeuneEnCejAsync(string nom)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Élodie-Françoise") with
        {
            Complement = "Résidence Les Tilleuls",
            Batiment = "B",
            Escalier = "2",
            Etage = "3",
            Appartement = "34",
        })).JeuneId;
        var v = (await f.EnvoyerAsync(C, new ConsulterDossierQuery(jeune))).Version;
        await f.EnvoyerAsync(C, new ModifierReferentCommand(jeune, v, f.Comptes[C].Id, f.Comptes[C].AntenneId, null, SavoirsDeBase.Acquis));
        var entretien = await f.EnvoyerAsync(C, new EnregistrerEvenementCommand(jeune, NatureEvenement.EntretienIndividuel, new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), 60, null));
        var cej = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "CEJ", new DateOnly(2026, 2, 2), new DateOnly(2026, 9, 1), entretien));
        return (jeune, cej);
    }

    private async Task<(Guid Jeune, Guid Cej)> PretAvecCerfaAsync(string nom)
    {
        var (jeune, cej) = await JeuneEnCejAsync(nom);
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, Iban, "AGRIFRPP", TypeCompte.CompteCourant, $"{nom.ToUpperInvariant()} ELODIE"));
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 512.34m)));
        await f.EnvoyerAsync(C, new GenererCerfaCommand(cej));
        return (jeune, cej);
    }

    private async Task<string> RegleAsync<T>(string login, Mediator.ICommand<T> commande) =>
        (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(login, commande))).RuleId;

    private async Task DelegationAsync()
    {
        if (!await f.LireAsync("administrateur.a", db => db.DelegationsRgs.AnyAsync(d => d.RevoqueeLe == null)))
        {
            await f.EnvoyerAsync("administrateur.a", new AccorderDelegationRgsCommand(f.Comptes[V].Id, "RGS-ML-A-2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        }
    }

    /// <summary>A second validator of structure A with its own RGS delegation ("validateursiege2.a").</summary>
    private async Task<string> SecondValidateurAsync()
    {
        const string Login = "validateursiege2.a";
        if (!f.Comptes.ContainsKey(Login))
        {
            var u = new MissionLocale.Infrastructure.Identity.ApplicationUser
            {
                Id = Guid.CreateVersion7(),
                UserName = Login,
                NormalizedUserName = Login.ToUpperInvariant(),
                Nom = "Second",
                Prenom = "Validateur",
                Profil = MissionLocale.Domain.Utilisateurs.Profil.ValidateurSiege,
                StructureId = f.StructureA,
                AntenneId = f.Comptes[V].AntenneId,
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            await f.LireAsync("administrateur.a", async db =>
            {
                db.Users.Add(u);
                return await db.SaveChangesAsync();
            });
            f.Comptes[Login] = new Compte(u.Id, f.StructureA, f.Comptes[V].AntenneId, Login, MissionLocale.Domain.Utilisateurs.Profil.ValidateurSiege);
            await f.EnvoyerAsync("administrateur.a", new AccorderDelegationRgsCommand(u.Id, "RGS-ML-A-2026-B", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        }

        return Login;
    }

    private async Task<Guid> ScanAsync(Guid jeune) => await f.LireAsync(C, async db =>
    {
        var d = new Document(f.StructureA, jeune, CategorieDocument.PieceJustificative, "cerfa signe.pdf", "application/pdf", [1, 2, 3], f.Comptes[C].Id, f.Clock.GetUtcNow());
        db.Documents.Add(d);
        await db.SaveChangesAsync();
        return d.Id;
    });

    /// <summary>The scan attached, the CERFA (and its first allocation) validated by the siège, a CEJ batch sent.</summary>
    private async Task<LotDto> SigneeValideeEtEnvoyeeAsync(Guid jeune)
    {
        var cerfa = (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single();
        await DelegationAsync();
        var signe = await f.EnvoyerAsync(C, new AttacherScanCerfaCommand(cerfa.Id, cerfa.Version, await ScanAsync(jeune)));
        await f.EnvoyerAsync(V, new ValiderCerfaCommand(cerfa.Id, signe.Version));
        var lot = (await f.EnvoyerAsync(V, new ProposerLotCommand("CEJ")))!;
        return await f.EnvoyerAsync(V, new EnvoyerLotCommand(lot.Id, lot.Version));
    }

    [Fact]
    [Trait("Rule", "CERFA-01")]
    [Trait("Rule", "CERFA-02")]
    [Trait("Rule", "CEJ-05")]
    [Trait("Rule", "RIB-05")]
    public async Task CERFA_01_pdf_relu_avec_accents_adresse_complete_iban_et_numero_refuse_sans_rib()
    {
        var (jeune, cej) = await JeuneEnCejAsync("Lefèvre");
        Assert.Equal("CEJ-05", await RegleAsync(C, new GenererCerfaCommand(cej)));
        Assert.Empty(await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune)));

        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, Iban, "AGRIFRPP", TypeCompte.CompteCourant, "LEFÈVRE ÉLODIE-FRANÇOISE"));
        var cerfa = await f.EnvoyerAsync(C, new GenererCerfaCommand(cej));
        Assert.Equal((0, EtatCerfa.Generee), (cerfa.Numero, cerfa.Etat));

        var document = await f.LireAsync(C, db => db.Documents.SingleAsync(d => d.Id == cerfa.DocumentId));
        Assert.True(document.Contenu.Length < 150 * 1024, $"{document.Contenu.Length} octets");
        using var pdf = PdfDocument.Open(document.Contenu);
        var texte = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        foreach (var attendu in new[]
        {
            "NOM : LEFEVRE", "Prénom : Élodie-Françoise", "12/04/2006", "Complément : Résidence Les Tilleuls", "Bâtiment : B", "Escalier : 2", "Étage : 3", "Appartement : 34",
            "12 Rue de Paris", "35000", "IBAN : FR76 3000 6000 0112 3456 7890 189", "BIC : AGRIFRPP", "Titulaire du compte : LEFÈVRE ÉLODIE-FRANÇOISE", "CERFA n° 0", cerfa.Reference,
        })
        {
            Assert.Contains(attendu, texte, StringComparison.Ordinal);
        }

        // Generated again before signature: same number, new document; once signed it is not regenerated.
        var encore = await f.EnvoyerAsync(C, new GenererCerfaCommand(cej));
        Assert.Equal((cerfa.Id, 0), (encore.Id, encore.Numero));
        Assert.NotEqual(cerfa.DocumentId, encore.DocumentId);
        var signe = await f.EnvoyerAsync(C, new AttacherScanCerfaCommand(encore.Id, encore.Version, await ScanAsync(jeune)));
        Assert.Equal(EtatCerfa.Signee, signe.Etat);
        Assert.Equal("CERFA-03", await RegleAsync(C, new AttacherScanCerfaCommand(signe.Id, signe.Version, signe.DocumentId))); // the CERFA itself is no scan

        // CERFA-02: a later CERFA of the same dispositif is a phase (1).
        Assert.Equal(1, (await f.EnvoyerAsync(C, new GenererCerfaCommand(cej))).Numero);
    }

    [Fact]
    [Trait("Rule", "PIL-01")]
    public async Task PIL_01_alertes_cerfa_non_valide_et_allocation_a_soumettre()
    {
        async Task<IReadOnlyList<Guid>> ListeAsync(string code) =>
            (await f.EnvoyerAsync(C, new MissionLocale.Application.Pilotage.ConsulterAlertes.ListerJeunesAlerteQuery(code))).Select(j => j.JeuneId).ToList();
        var (jeune, cej) = await PretAvecCerfaAsync("Alertealloc");
        Assert.Contains(jeune, await ListeAsync("cerfa-non-valide"));
        Assert.DoesNotContain(jeune, await ListeAsync("allocations-a-soumettre"));

        await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, new DateOnly(2026, 3, 20)));
        Assert.Contains(jeune, await ListeAsync("allocations-a-soumettre"));
    }

    [Fact]
    [Trait("Rule", "ALLOC-01")]
    [Trait("Rule", "ALLOC-02")]
    [Trait("Rule", "ALLOC-03")]
    [Trait("Rule", "ALLOC-08")]
    [Trait("Rule", "ALLOC-11")]
    [Trait("Rule", "ALLOC-12")]
    [Trait("Rule", "ALLOC-13")]
    [Trait("Rule", "CERFA-03")]
    [Trait("Rule", "CERFA-04")]
    public async Task ALLOC_02_parcours_complet_premiere_allocation_cerfa_lot_et_retour_verse()
    {
        var (jeune, cej) = await JeuneEnCejAsync("Parcours");
        Assert.Equal("CEJ-05", await RegleAsync(C, new DemanderAllocationCommand(jeune, cej, Mars)));
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, Iban, "AGRIFRPP", TypeCompte.CompteCourant, "PARCOURS ELODIE"));
        Assert.Equal("CERFA-03", await RegleAsync(C, new DemanderAllocationCommand(jeune, cej, Mars)));
        var cerfa = await f.EnvoyerAsync(C, new GenererCerfaCommand(cej));
        Assert.Equal("ALLOC-08", await RegleAsync(C, new DemanderAllocationCommand(jeune, cej, Mars))); // no resources for February
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 512.34m)));

        // ALLOC-03: asked to submit, the first allocation stays Enregistrée; ALLOC-12: 561.68 - (512.34 - 300) = 349.34 with the steps.
        var r = await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, new DateOnly(2026, 3, 20), Soumettre: true));
        Assert.Equal((EtatDemande.Enregistree, true, 349.34m, "ALLOC-03"), (r.Demande.Etat, r.Demande.Premiere, r.Demande.Montant, r.AvertissementRegle));
        Assert.Contains(r.Demande.Etapes, e => e.Montant == -212.34m);
        Assert.Equal("ALLOC-03", await RegleAsync(C, new SoumettreDemandeCommand(r.Demande.Id, r.Demande.Version)));
        Assert.Equal("ALLOC-01", await RegleAsync(C, new DemanderAllocationCommand(jeune, cej, Mars)));

        // ALLOC-13: no validation without an active RGS delegation; the CERFA must be signed first (CERFA-03).
        foreach (var active in await f.EnvoyerAsync("administrateur.a", new ListerDelegationsRgsQuery()))
        {
            await f.EnvoyerAsync("administrateur.a", new RevoquerDelegationRgsCommand(active.Id));
        }

        Assert.Equal("ALLOC-13", await RegleAsync(V, new ValiderCerfaCommand(cerfa.Id, cerfa.Version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new ValiderCerfaCommand(cerfa.Id, cerfa.Version)));
        await DelegationAsync();
        Assert.Equal("CERFA-03", await RegleAsync(V, new ValiderCerfaCommand(cerfa.Id, cerfa.Version)));
        var signe = await f.EnvoyerAsync(C, new AttacherScanCerfaCommand(cerfa.Id, cerfa.Version, await ScanAsync(jeune)));

        var files = await f.EnvoyerAsync(V, new ConsulterFilesSiegeQuery());
        var aValider = Assert.Single(files.Cerfas, c => c.CerfaId == cerfa.Id);
        Assert.Equal((r.Demande.Id, signe.ScanDocumentId), (aValider.PremiereDemandeId, aValider.ScanDocumentId));
        Assert.True(files.DelegationActive);

        var valide = await f.EnvoyerAsync(V, new ValiderCerfaCommand(cerfa.Id, signe.Version));
        Assert.Equal(EtatCerfa.ValideeSiege, valide.Etat);
        var demande = Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune)));
        Assert.Equal(EtatDemande.Validee, demande.Etat);

        // ALLOC-11: the batch takes it; the file carries CERFA-04's fields; downloaded again identically.
        var lot = await f.EnvoyerAsync(V, new ProposerLotCommand("CEJ"));
        Assert.NotNull(lot);
        var envoye = await f.EnvoyerAsync(V, new EnvoyerLotCommand(lot!.Id, lot.Version));
        Assert.Equal(EtatLot.Envoye, envoye.Etat);
        var (nom, contenu) = await f.EnvoyerAsync(V, new TelechargerLotQuery(lot.Id));
        Assert.Equal(contenu, (await f.EnvoyerAsync(V, new TelechargerLotQuery(lot.Id))).Contenu);
        Assert.StartsWith("lot-ML-A-CEJ-2026-03-10-", nom, StringComparison.Ordinal);
        var lignes = Encoding.UTF8.GetString(contenu).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FormatAsp.EnteteLot, lignes[0]);
        var ligne = Assert.Single(lignes, l => l.Contains(r.Demande.Id.ToString(), StringComparison.Ordinal)).Split(';');
        Assert.Equal(("PARCOURS", "Élodie-Françoise", "2006-04-12", "2026-03", "349.34", "FR7630006000011234567890189"), (ligne[6], ligne[7], ligne[8], ligne[10], ligne[11], ligne[13]));
        Assert.StartsWith("CEJ-2026-", ligne[4], StringComparison.Ordinal);
        Assert.Equal("Allocation CEJ mars 2026", ligne[16]);
        var envoyee = Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune)));
        Assert.Equal(EtatDemande.EnvoyeeAsp, envoyee.Etat);
        Assert.Equal("ALLOC-02", await RegleAsync(C, new SupprimerDemandeCommand(envoyee.Id, envoyee.Version)));

        // The ASP's return: paid. The CERFA is Validée ASP. The same file again changes nothing.
        var retour = Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{r.Demande.Id};{lot.Id};VERSEE;2026-03-12;349.34;\n");
        var import = await f.EnvoyerAsync(V, new ImporterRetourAspCommand("retour.csv", retour));
        Assert.Equal((true, 1, 1, 0), (import.Accepte, import.Lignes, import.Appliquees, import.DejaAppliquees));
        var versee = Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune)));
        Assert.Equal((EtatDemande.VerseeAsp, 349.34m, new DateOnly(2026, 3, 12)), (versee.Etat, versee.MontantVerse!.Value, versee.DateAsp!.Value));
        Assert.Equal(EtatCerfa.ValideeAsp, (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single().Etat);
        var encore = await f.EnvoyerAsync(V, new ImporterRetourAspCommand("retour.csv", retour));
        Assert.Equal((true, 0, 1), (encore.Accepte, encore.Appliquees, encore.DejaAppliquees));
        Assert.Equal(versee.Version, Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Version);

        // Every change is in the dossier's history, the set-based ones included.
        var historique = await f.LireAsync(C, db => db.Historique.Where(h => h.JeuneId == jeune && h.Champ == "Etat").Select(h => h.NouvelleValeur).ToListAsync());
        Assert.Contains("Envoyée ASP", historique);
        Assert.Contains("Versée ASP", historique);
        Assert.Contains("Validée ASP", historique);
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public async Task ALLOC_11_un_fichier_retour_avec_une_mauvaise_ligne_est_rejete_en_entier()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Retourfaux");
        var demande = (await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, Mars))).Demande;
        var lot = await SigneeValideeEtEnvoyeeAsync(jeune);

        var inconnue = Guid.CreateVersion7();
        var faux = Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{demande.Id};{lot.Id};VERSEE;2026-03-12;349.34;\n{inconnue};{lot.Id};REFUSEE;2026-03-12;;RIB invalide\n");
        var r = await f.EnvoyerAsync(V, new ImporterRetourAspCommand("retour.csv", faux));
        Assert.False(r.Accepte);
        Assert.True(r.Erreurs.Count == 1, string.Join(" | ", r.Erreurs));
        Assert.Contains(r.Erreurs, e => e.StartsWith("Ligne 3 :", StringComparison.Ordinal) && e.Contains("inconnue", StringComparison.Ordinal));
        Assert.Equal(EtatDemande.EnvoyeeAsp, (await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Single().Etat); // nothing applied

        var malforme = Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{demande.Id};{lot.Id};PAYEE;12/03/2026;315,66;\n");
        var m = await f.EnvoyerAsync(V, new ImporterRetourAspCommand("retour.csv", malforme));
        Assert.False(m.Accepte);
        var erreur = Assert.Single(m.Erreurs);
        Assert.Contains("statut", erreur, StringComparison.Ordinal);
        Assert.Contains("date invalide", erreur, StringComparison.Ordinal);
        Assert.Contains("montant", erreur, StringComparison.Ordinal);

        // Refused by the ASP with its motif; the first allocation's refusal is the CERFA's.
        var refus = Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{demande.Id};{lot.Id};REFUSEE;2026-03-12;;\"RIB invalide; compte clos\"\n");
        Assert.True((await f.EnvoyerAsync(V, new ImporterRetourAspCommand("retour.csv", refus))).Accepte);
        var refusee = (await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Single();
        Assert.Equal((EtatDemande.RefuseeAsp, "RIB invalide; compte clos"), (refusee.Etat, refusee.MotifAsp));
        Assert.Equal(EtatCerfa.RefuseeAsp, (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single().Etat);

        // ALLOC-07: a refused request is modified (recomputed from the corrected resources) and goes to the siège again.
        var corrige = await f.EnvoyerAsync(C, new ListerRessourcesQuery(jeune));
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 100m), null, corrige.Single().Version));
        var modifiee = await f.EnvoyerAsync(C, new ModifierDemandeCommand(refusee.Id, refusee.Version));
        Assert.Equal((NatureDemande.Modification, EtatDemande.Soumise, 561.68m, refusee.Id), (modifiee.Nature, modifiee.Etat, modifiee.Montant, modifiee.RemplaceId!.Value));
        Assert.Equal("ALLOC-07", await RegleAsync(C, new ModifierDemandeCommand(refusee.Id, refusee.Version + 1))); // already modified
        Assert.Equal(2, (await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Count);
    }

    [Fact]
    [Trait("Rule", "ALLOC-06")]
    [Trait("Rule", "ALLOC-04")]
    [Trait("Rule", "ALLOC-07")]
    public async Task ALLOC_06_mois_passe_en_hors_delai_par_la_direction_et_ALLOC_04_suivante_enregistree()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Horsdelai");
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, new DateOnly(2026, 1, 1), new SaisieRessources()));

        // February is past: the conseiller is refused; the direction makes a "versement hors délai"; not for the current month.
        Assert.Equal("ALLOC-06", await RegleAsync(C, new DemanderAllocationCommand(jeune, cej, Fevrier)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new DemanderVersementHorsDelaiCommand(jeune, cej, Fevrier)));
        Assert.Equal("ALLOC-06", await RegleAsync("direction.a", new DemanderVersementHorsDelaiCommand(jeune, cej, Mars)));
        var horsDelai = await f.EnvoyerAsync("direction.a", new DemanderVersementHorsDelaiCommand(jeune, cej, Fevrier));
        Assert.Equal((NatureDemande.HorsDelai, true, 561.68m), (horsDelai.Demande.Nature, horsDelai.Demande.Premiere, horsDelai.Demande.Montant));

        // ALLOC-04: March, while February (the first) is not validated, is saved Enregistrée, not submitted.
        var mars = await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, Mars, Soumettre: true));
        Assert.Equal((EtatDemande.Enregistree, "ALLOC-04"), (mars.Demande.Etat, mars.AvertissementRegle));
        Assert.Equal("ALLOC-04", await RegleAsync(C, new SoumettreDemandeCommand(mars.Demande.Id, mars.Demande.Version)));

        // ALLOC-02: not sent, it can be deleted.
        await f.EnvoyerAsync(C, new SupprimerDemandeCommand(mars.Demande.Id, mars.Demande.Version));
        Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune)));
    }

    [Fact]
    [Trait("Rule", "ALLOC-01")]
    public async Task ALLOC_01_deux_conseillers_creant_la_meme_demande_en_parallele_n_en_font_qu_une()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Parallele");
        var resultats = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, Mars));
                return "ok";
            }
            catch (BusinessRuleException e)
            {
                return e.RuleId;
            }
        })));
        Assert.Equal(1, resultats.Count(r => r == "ok"));
        Assert.All(resultats.Where(r => r != "ok"), r => Assert.Equal("ALLOC-01", r));
        Assert.Equal(1, await f.LireAsync(C, db => db.DemandesAllocation.CountAsync(d => d.JeuneId == jeune)));
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public async Task ALLOC_11_deux_lots_construits_au_meme_moment_ne_partagent_aucune_demande()
    {
        var (jeune, cej) = await JeuneEnCejAsync("Lotsparalleles");
        await DelegationAsync();
        const int N = 40;
        await f.LireAsync(C, async db =>
        {
            // Validated requests of 40 months (the database accepts one per month; the domain's path to Validée).
            for (var i = 0; i < N; i++)
            {
                var d = new DemandeAllocation(f.StructureA, jeune, cej, "PACEA", new DateOnly(2020, 1, 1).AddMonths(i), 0m, 100m + i, NatureDemande.Initiale, null, false, f.Comptes[C].Id, f.Clock.GetUtcNow());
                d.Soumettre(true, true);
                d.Valider(f.Comptes[V].Id, f.Clock.GetUtcNow());
                db.DemandesAllocation.Add(d);
            }

            return await db.SaveChangesAsync();
        });

        var validateurs = new[] { V, await SecondValidateurAsync() };
        var lots = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                return await f.EnvoyerAsync(validateurs[i % 2], new ProposerLotCommand("PACEA"));
            }
            catch (BusinessRuleException e) when (e.RuleId == "ALLOC-11")
            {
                return null; // the lot number taken by a concurrent build: retried by the user
            }
        })));
        var reserves = await f.LireAsync(V, db => db.DemandesAllocation.Where(d => d.JeuneId == jeune).Select(d => d.LotId).ToListAsync());
        Assert.All(reserves, l => Assert.NotNull(l));
        Assert.Equal(N, lots.Where(l => l is not null).Sum(l => l!.NombreDemandes));
        Assert.Equal(reserves.Distinct().Count(), lots.Count(l => l is not null));

        // Two validators sending the same batch at once: it is sent once.
        var lot = lots.First(l => l is not null)!;
        var envois = await Task.WhenAll(validateurs.Select(v => Task.Run(async () =>
        {
            try
            {
                return (await f.EnvoyerAsync(v, new EnvoyerLotCommand(lot.Id, lot.Version))).NombreDemandes;
            }
            catch (Exception e) when (e is BusinessRuleException or ConcurrencyConflictException)
            {
                return -1;
            }
        })));
        Assert.Equal(1, envois.Count(n => n == lot.NombreDemandes));
        Assert.Equal(lot.NombreDemandes, await f.LireAsync(V, db => db.DemandesAllocation.CountAsync(d => d.LotId == lot.Id && d.Etat == EtatDemande.EnvoyeeAsp)));

        // A new build finds nothing left: no request is ever taken twice.
        Assert.Null(await f.EnvoyerAsync(V, new ProposerLotCommand("PACEA")));

        // The reservation itself under a real race: two batches (numbers already distinct) reserve at the same moment in
        // two transactions; the row locks make the second re-check "not in a batch", so the counts add up to the requests.
        await f.LireAsync(C, async db =>
        {
            for (var i = 0; i < N; i++)
            {
                var d = new DemandeAllocation(f.StructureA, jeune, cej, "PACEA", new DateOnly(2010, 1, 1).AddMonths(i), 0m, 50m, NatureDemande.Initiale, null, false, f.Comptes[C].Id, f.Clock.GetUtcNow());
                d.Soumettre(true, true);
                d.Valider(f.Comptes[V].Id, f.Clock.GetUtcNow());
                db.DemandesAllocation.Add(d);
            }

            return await db.SaveChangesAsync();
        });
        var numero = await f.LireAsync(V, db => db.LotsAsp.MaxAsync(l => l.Numero));
        var deux = new[] { new LotAsp(f.StructureA, "PACEA", numero + 1, new DateOnly(2026, 3, 10), null, f.Clock.GetUtcNow()), new LotAsp(f.StructureA, "PACEA", numero + 2, new DateOnly(2026, 3, 10), null, f.Clock.GetUtcNow()) };
        await f.LireAsync(V, async db =>
        {
            db.LotsAsp.AddRange(deux);
            return await db.SaveChangesAsync();
        });
        var comptes = await Task.WhenAll(deux.Select(l => Task.Run(() => f.LireAsync(V, db => db.EnTransactionAsync(c => db.ReserverDemandesLotAsync(l.Id, "PACEA", c), default)))));
        Assert.Equal(N, comptes.Sum(c => c.Nombre));
        Assert.Equal(N * 50m, comptes.Sum(c => c.Total));
        Assert.Equal(N, await f.LireAsync(V, db => db.DemandesAllocation.CountAsync(d => d.LotId == deux[0].Id || d.LotId == deux[1].Id)));
    }

    [Fact]
    [Trait("Rule", "CEJ-06")]
    public async Task CEJ_06_un_cej_dont_une_demande_est_envoyee_ne_se_supprime_plus()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Cejenvoye");
        await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, Mars));
        await SigneeValideeEtEnvoyeeAsync(jeune);
        var version = await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == cej).Select(d => d.Version).SingleAsync());
        Assert.Equal("CEJ-06", await RegleAsync(C, new SupprimerCejCommand(cej, version)));
    }

    [Fact]
    [Trait("Rule", "ALLOC-05")]
    [Trait("Rule", "ALLOC-07")]
    [Trait("Rule", "CERFA-02")]
    public async Task ALLOC_05_premiere_allocation_du_renouvellement_soumise_normalement_et_ALLOC_07_reversement_total()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Renouvele");
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, new DateOnly(2026, 1, 1), new SaisieRessources()));
        var mars = (await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, Mars))).Demande;
        var lot = await SigneeValideeEtEnvoyeeAsync(jeune);
        Assert.True((await f.EnvoyerAsync(V, new ImporterRetourAspCommand("r.csv", Encoding.UTF8.GetBytes($"{FormatAsp.EnteteRetour}\n{mars.Id};{lot.Id};VERSEE;2026-03-12;349.34;\n")))).Accepte);

        // CERFA-02: after the renewal the CERFA is number 2; ALLOC-05: its first allocation is a normal one, submitted at once.
        var version = await f.LireAsync(C, db => db.Dispositifs.Where(d => d.Id == cej).Select(d => d.Version).SingleAsync());
        await f.EnvoyerAsync(C, new RenouvelerDispositifCommand(cej, version, new DateOnly(2027, 1, 1)));
        Assert.Equal(2, (await f.EnvoyerAsync(C, new GenererCerfaCommand(cej))).Numero);
        var fevrier = await f.EnvoyerAsync("direction.a", new DemanderVersementHorsDelaiCommand(jeune, cej, Fevrier));
        Assert.Equal((false, EtatDemande.Soumise, (string?)null), (fevrier.Demande.Premiere, fevrier.Demande.Etat, fevrier.AvertissementRegle));

        // ALLOC-07: full reversal of the paid March: the amount paid becomes differential resources, the allocation 0.
        var versee = (await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Single(d => d.Id == mars.Id);
        var reversement = await f.EnvoyerAsync(C, new ModifierDemandeCommand(versee.Id, versee.Version, ReversementTotal: true));
        Assert.Equal((0m, EtatDemande.Soumise, NatureDemande.Modification), (reversement.Montant, reversement.Etat, reversement.Nature));
        Assert.Contains(reversement.Etapes, e => e.Montant == 349.34m && e.Libelle.Contains("ressources différentielles", StringComparison.Ordinal));

        // ALLOC-02: deleting the modification before it is sent gives the paid request back.
        await f.EnvoyerAsync(C, new SupprimerDemandeCommand(reversement.Id, reversement.Version));
        Assert.True((await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune))).Single(d => d.Id == mars.Id).Modifiable);
    }

    [Fact]
    [Trait("Rule", "ALLOC-11")]
    public async Task ALLOC_11_le_traitement_planifie_propose_les_lots_dus_une_fois_par_periode()
    {
        var (jeune, cej) = await JeuneEnCejAsync("Planifie");
        await f.LireAsync(C, async db =>
        {
            var d = new DemandeAllocation(f.StructureA, jeune, cej, "CEJ", new DateOnly(2019, 1, 1), 0m, 100m, NatureDemande.Initiale, null, false, f.Comptes[C].Id, f.Clock.GetUtcNow());
            d.Soumettre(true, true);
            d.Valider(f.Comptes[V].Id, f.Clock.GetUtcNow());
            db.DemandesAllocation.Add(d);
            return await db.SaveChangesAsync();
        });
        // The second fortnight: the CEJ batch is due (no CEJ batch dated from the 15th yet).
        var jour = new DateOnly(2026, 3, 16);
        Assert.True(await f.LireAsync(V, db => PreparationLots.ProposerDusAsync(db, f.StructureA, f.Clock.GetUtcNow(), jour, default)) >= 1);
        var lot = await f.LireAsync(V, async db => await db.LotsAsp.SingleAsync(l => l.Id == db.DemandesAllocation.Where(d => d.JeuneId == jeune).Select(d => d.LotId).Single()));
        Assert.Equal(("CEJ", jour, (Guid?)null, EtatLot.Propose, 1), (lot.TypeCode, lot.DateLot, lot.ProposePar, lot.Etat, lot.NombreDemandes));

        // Run again the same day: nothing is due, nothing proposed twice.
        Assert.Equal(0, await f.LireAsync(V, db => PreparationLots.ProposerDusAsync(db, f.StructureA, f.Clock.GetUtcNow(), jour, default)));
    }

    [Theory]
    [Trait("Rule", "ALLOC-11")]
    [InlineData("2026-03-01", "", "CEJ,PACEA")]
    [InlineData("2026-03-03", "CEJ:2026-03-01,PACEA:2026-03-01", "")]
    [InlineData("2026-03-15", "CEJ:2026-03-01,PACEA:2026-03-01", "CEJ")]
    [InlineData("2026-03-16", "CEJ:2026-03-01,CEJ:2026-03-15,PACEA:2026-03-02", "")]
    [InlineData("2026-03-20", "CEJ:2026-03-02", "CEJ,PACEA")]
    public void ALLOC_11_calendrier_cej_vers_le_1er_et_le_15_pacea_le_1er(string jour, string lots, string attendus)
    {
        var existants = lots.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')).Select(l => (l[0], DateOnly.Parse(l[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(attendus, string.Join(',', CalendrierLots.Dus(DateOnly.Parse(jour, System.Globalization.CultureInfo.InvariantCulture), existants)));
    }

    [Fact]
    [Trait("Rule", "ALLOC-12")]
    [Trait("Rule", "DISP-04")]
    public async Task ALLOC_12_le_bareme_est_date_une_nouvelle_valeur_ne_change_pas_les_mois_precedents()
    {
        await f.EnvoyerAsync("administrateurnational.a", new MissionLocale.Application.Reference.ParametresDispositifs.AjouterVersionParametreCommand("ALLOC-12.CEJ.MontantMaximal", "571.91", new DateOnly(2026, 4, 1)));
        var parametres = await f.LireAsync(C, db => db.ParametresAllocationAsync(default));
        var mars = parametres.BaremeAllocation("CEJ", Mars, mineur: false);
        var avril = parametres.BaremeAllocation("CEJ", new DateOnly(2026, 4, 1), mineur: false);

        // The official amounts of 1 April 2025 (sourced in docs/allocations.md) until the new version.
        Assert.Equal((561.68m, new DateOnly(2025, 4, 1), false), (mars.MontantMaximal, mars.ValideDepuis, mars.Demonstration));
        Assert.Equal((571.91m, new DateOnly(2026, 4, 1)), (avril.MontantMaximal, avril.ValideDepuis));
        Assert.Equal(224.68m, parametres.BaremeAllocation("CEJ", new DateOnly(2026, 4, 1), mineur: true).MontantMaximal);
        Assert.Equal((552.29m, 220.92m), (parametres.BaremeAllocation("CEJ", new DateOnly(2024, 12, 1), mineur: false).MontantMaximal, parametres.BaremeAllocation("CEJ", new DateOnly(2024, 12, 1), mineur: true).MontantMaximal));

        // Before 1 April 2024 no public source gives the exact amounts: the calculation says "démonstration".
        var lancement = parametres.BaremeAllocation("CEJ", new DateOnly(2022, 6, 1), mineur: false);
        Assert.Equal((500.00m, true), (lancement.MontantMaximal, lancement.Demonstration));
        Assert.True(parametres.BaremeAllocation("PACEA", Mars, mineur: false).Demonstration);
        Assert.Equal("ALLOC-12", Assert.Throws<BusinessRuleException>(() => parametres.BaremeAllocation("CEJ", new DateOnly(2020, 1, 1), mineur: false)).RuleId); // before the CEJ existed
    }

    [Fact]
    [Trait("Rule", "RIB-05")]
    [Trait("Rule", "ALLOC-08")]
    [Trait("Rule", "CERFA-01")]
    public async Task RIB_05_intitule_trop_long_pour_le_cerfa_pacea_et_ALLOC_08_plafond_de_300_euros()
    {
        var (jeune, entretien) = await PaceaTests.JeuneAsync(f, "Tutelle");
        await PaceaTests.DiagClosAsync(f, jeune, entretien, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 1));
        var jugement = await ScanAsync(jeune);

        // Saved before the PACEA, a 44-character title under tutelle passes (no PACEA open: the CEJ limit, 49); the PACEA CERFA allows 38.
        const string Long = "TUTELLE AYA SOUS TUTELLE UDAF 35 RENNES NORD"; // 44
        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, Iban, "AGRIFRPP", TypeCompte.CompteCourant, Long, MesureProtection.Tutelle, jugement));
        var pacea = await f.EnvoyerAsync(C, new OuvrirDispositifCommand(jeune, "PACEA", new DateOnly(2026, 2, 2), new DateOnly(2027, 2, 1), entretien));
        Assert.Equal("RIB-05", await RegleAsync(C, new GenererCerfaCommand(pacea)));

        await f.EnvoyerAsync(C, new EnregistrerCoordonneesBancairesCommand(jeune, Iban, "AGRIFRPP", TypeCompte.CompteCourant, "TUTELLE AYA UDAF 35", MesureProtection.Tutelle, jugement, new DateOnly(2026, 3, 1)));
        var cerfa = await f.EnvoyerAsync(C, new GenererCerfaCommand(pacea));
        Assert.Equal(("PACEA", 0), (cerfa.TypeCode, cerfa.Numero));
        using (var pdf = PdfDocument.Open(await f.LireAsync(C, db => db.Documents.Where(d => d.Id == cerfa.DocumentId).Select(d => d.Contenu).SingleAsync())))
        {
            var texte = string.Join("\n", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("CERFA — Demande d'allocation PACEA", texte, StringComparison.Ordinal);
            Assert.Contains("Mesure de protection : tutelle", texte, StringComparison.Ordinal);
        }

        // ALLOC-08: 300.00 € of February resources: no PACEA allocation for March; 299.99 €: due.
        var fevrier = await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 300.00m)));
        Assert.Equal("ALLOC-08", await RegleAsync(C, new DemanderAllocationCommand(jeune, pacea, Mars)));
        await f.EnvoyerAsync(C, new DeclarerRessourcesCommand(jeune, Fevrier, new SaisieRessources(NetAPayer: 299.99m), null, fevrier.Version));
        Assert.Equal(528.00m, (await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, pacea, Mars))).Demande.Montant);
    }

    [Fact]
    [Trait("Rule", "CERFA-05")]
    public async Task CERFA_05_le_siege_renvoie_un_CERFA_signe_au_conseiller_avec_un_motif()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Renvoi");
        var premiere = await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, new DateOnly(2026, 3, 20)));
        var cerfa = (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single();
        await DelegationAsync();

        // Only a signed CERFA goes back.
        Assert.Equal("CERFA-05", await RegleAsync(V, new RenvoyerCerfaCommand(cerfa.Id, cerfa.Version, "Scan illisible")));
        var signe = await f.EnvoyerAsync(C, new AttacherScanCerfaCommand(cerfa.Id, cerfa.Version, await ScanAsync(jeune)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(C, new RenvoyerCerfaCommand(cerfa.Id, signe.Version, "Scan illisible")));
        await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(V, new RenvoyerCerfaCommand(cerfa.Id, signe.Version, " ")));

        var renvoye = await f.EnvoyerAsync(V, new RenvoyerCerfaCommand(cerfa.Id, signe.Version, "Signature manquante"));
        Assert.Equal((EtatCerfa.Generee, (Guid?)null, "Signature manquante"), (renvoye.Etat, renvoye.ScanDocumentId, renvoye.MotifRenvoi));
        var vue = (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single();
        Assert.Equal("Signature manquante", vue.MotifRenvoi);
        Assert.Equal(EtatDemande.Enregistree, Assert.Single(await f.EnvoyerAsync(C, new ListerDemandesQuery(jeune)), d => d.Id == premiere.Demande.Id).Etat);
        Assert.DoesNotContain((await f.EnvoyerAsync(V, new ConsulterFilesSiegeQuery())).Cerfas, c => c.CerfaId == cerfa.Id);

        // The history keeps the back-and-forth; a new scan signs it again and clears the motive.
        var historique = await f.LireAsync(C, db => db.Historique.Where(h => h.JeuneId == jeune && h.NouvelleValeur == "Signature manquante").CountAsync());
        Assert.Equal(1, historique);
        var resigne = await f.EnvoyerAsync(C, new AttacherScanCerfaCommand(cerfa.Id, renvoye.Version, await ScanAsync(jeune)));
        Assert.Equal((EtatCerfa.Signee, (string?)null), (resigne.Etat, resigne.MotifRenvoi));
        Assert.Equal(EtatCerfa.ValideeSiege, (await f.EnvoyerAsync(V, new ValiderCerfaCommand(cerfa.Id, resigne.Version))).Etat);
    }

    [Fact]
    [Trait("Rule", "ALLOC-02")]
    [Trait("Rule", "ALLOC-11")]
    [Trait("Rule", "CERFA-03")]
    public async Task ALLOC_02_le_sql_ensembliste_de_l_envoi_et_du_retour_suit_les_tables_de_transitions()
    {
        var (jeune, cej) = await PretAvecCerfaAsync("Transitions");
        var demande = (await f.EnvoyerAsync(C, new DemanderAllocationCommand(jeune, cej, new DateOnly(2026, 3, 20)))).Demande.Id;
        var lot = await SigneeValideeEtEnvoyeeAsync(jeune);
        var cerfa = (await f.EnvoyerAsync(C, new ListerCerfasQuery(jeune))).Single().Id;

        // The history of the change-tracked steps spells each state as the table does.
        var libelles = await f.LireAsync(C, db => db.Historique.Where(h => h.JeuneId == jeune && h.Champ == "Etat").Select(h => h.NouvelleValeur).ToListAsync());
        Assert.Contains(CycleDemande.Libelle(EtatDemande.Validee), libelles);
        Assert.DoesNotContain("Validee", libelles);

        Task Placer(EtatDemande etat, EtatCerfa etatCerfa, bool premiere) => f.LireAsync(V, async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE demandes_allocation SET etat = {(int)etat}, premiere = {premiere}, motif_asp = 'motif' WHERE id = {demande}");
            return await db.Database.ExecuteSqlAsync($"UPDATE cerfas SET etat = {(int)etatCerfa} WHERE id = {cerfa}");
        });
        Task<(EtatDemande, EtatCerfa)> Lire() => f.LireAsync(V, async db =>
            (await db.DemandesAllocation.AsNoTracking().Where(d => d.Id == demande).Select(d => d.Etat).SingleAsync(),
             await db.Cerfas.AsNoTracking().Where(c => c.Id == cerfa).Select(c => c.Etat).SingleAsync()));

        // The database, last net, refuses a state without what it implies (constraints generated from the tables).
        async Task<string?> Contrainte(FormattableString sql) => await f.LireAsync(V, async db =>
        {
            try
            {
                await db.Database.ExecuteSqlAsync(sql);
                return null;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23514")
            {
                return e.ConstraintName;
            }
        });
        Assert.Equal("ck_demandes_allocation_envoyee_dans_un_lot", await Contrainte($"UPDATE demandes_allocation SET lot_id = NULL WHERE id = {demande}"));
        Assert.Equal("ck_demandes_allocation_refus_motive", await Contrainte($"UPDATE demandes_allocation SET etat = {(int)EtatDemande.RefuseeAsp}, motif_asp = NULL WHERE id = {demande}"));
        Assert.Equal("ck_cerfas_valide_par", await Contrainte($"UPDATE cerfas SET valide_par = NULL WHERE id = {cerfa}"));
        Assert.Equal("ck_lots_asp_envoye", await Contrainte($"UPDATE lots_asp SET fichier = NULL WHERE id = {lot.Id}"));

        // Sending a batch: only the table's source states move, to its target; the CERFA follows its own table.
        var envoi = CycleDemande.Table.Transitions.Single(t => t.Action == CycleDemande.Envoyer);
        foreach (var etat in Enum.GetValues<EtatDemande>())
        {
            await Placer(etat, EtatCerfa.ValideeSiege, premiere: true);
            var (nombre, _) = await f.LireAsync(V, db => db.EnvoyerDemandesLotAsync(lot.Id, CancellationToken.None));
            var bouge = CycleDemande.Table.Permet(etat, CycleDemande.Envoyer);
            Assert.Equal(bouge ? 1 : 0, nombre);
            Assert.Equal((bouge ? envoi.Vers : etat, bouge ? EtatCerfa.EnvoyeeAsp : EtatCerfa.ValideeSiege), await Lire());
        }

        // The ASP's return: every pair of states, for a first allocation and another one.
        foreach (var premiere in new[] { true, false })
        {
            foreach (var avant in Enum.GetValues<EtatDemande>())
            {
                foreach (var apres in Enum.GetValues<EtatDemande>())
                {
                    await Placer(avant, EtatCerfa.EnvoyeeAsp, premiere);
                    var n = await f.LireAsync(V, db => db.AppliquerRetourAspAsync([new MajRetourAsp(demande, avant, apres, new DateOnly(2026, 3, 12), null, "motif")], CancellationToken.None));
                    var permis = CycleDemande.Table.Transitions.Any(t => t.Action == CycleDemande.RetourAsp && t.De == avant && t.Vers == apres);
                    Assert.True((permis ? 1 : 0) == n, $"{avant} → {apres} : {n}");
                    var cerfaAttendu = permis ? CycleCerfa.ApresRetour(apres, premiere) ?? EtatCerfa.EnvoyeeAsp : EtatCerfa.EnvoyeeAsp;
                    Assert.Equal((permis ? apres : avant, cerfaAttendu), await Lire());
                }
            }
        }
    }
}
