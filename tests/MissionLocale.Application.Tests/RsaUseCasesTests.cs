using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Documents.VerifierDocument;
using MissionLocale.Application.Insertion.CommenterSaisine;
using MissionLocale.Application.Insertion.ConsulterRsa;
using MissionLocale.Application.Insertion.CreerCer;
using MissionLocale.Application.Insertion.DeciderCer;
using MissionLocale.Application.Insertion.DeciderSaisine;
using MissionLocale.Application.Insertion.FaireAvenant;
using MissionLocale.Application.Insertion.ListerValidationsRsa;
using MissionLocale.Application.Insertion.OuvrirParcours;
using MissionLocale.Application.Insertion.RenouvelerCer;
using MissionLocale.Application.Insertion.ReprendreCer;
using MissionLocale.Application.Insertion.SaisirCer;
using MissionLocale.Application.Insertion.SaisirEp;
using MissionLocale.Application.Insertion.SignerCer;
using MissionLocale.Application.Insertion.SignerCerSurPapier;
using MissionLocale.Application.Insertion.ValiderCer;
using MissionLocale.Application.Offres.AjouterSession;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Pilotage.ConsulterAlertes;
using MissionLocale.Application.Pilotage.RechercherDossiers;
using MissionLocale.Application.RendezVous.ChangerStatutRendezVous;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Insertion;
using MissionLocale.Domain.Offres;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;
using Npgsql;
using UglyToad.PdfPig;

namespace MissionLocale.Application.Tests;

/// <summary>The RSA référent's path on PostgreSQL: CER drafted, signed on screen, validated or submitted, archived as a PDF; saisines EP.</summary>
public sealed class RsaUseCasesTests(AppFixture f) : IClassFixture<AppFixture>
{
    private const string Conseiller = "conseiller.a";
    private const string Validateur = "validateursiege.a";

    private static readonly ContenuCer Contenu = new("Aide-soignante", "Empathie, ponctualité", "Mobilité", "Je veux travailler près de chez moi", "Rechercher 5 offres par mois", "Tous les 15 jours");

    private DateOnly Aujourdhui => DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid Jeune, Guid Cer)> ParcoursAsync(string nom)
    {
        var jeune = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil(nom, "Inès"))).JeuneId;
        var cer = await f.EnvoyerAsync(Conseiller, new OuvrirParcoursCommand(jeune, TypeAccompagnement.Professionnel, null, Aujourdhui));
        return (jeune, cer);
    }

    private Task<Cer> CerAsync(Guid id) => f.LireAsync(Conseiller, db => db.Cers.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Drafted and signed on screen by both.</summary>
    private async Task<int> SigneAsync(Guid cer)
    {
        var v = (await CerAsync(cer)).Version;
        v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v, Contenu, [new ActionSaisie("EMPLOI-RECH", Aujourdhui, null), new ActionSaisie("MOB-PERMIS", Aujourdhui, Aujourdhui.AddMonths(9))]));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, true, CerTests.Png));
        return await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, false, CerTests.Png));
    }

    private async Task DonnerFonctionValidateurAsync(bool oui = true) =>
        await f.LireAsync(Validateur, db => db.Users.Where(u => u.UserName == Validateur).ExecuteUpdateAsync(s => s.SetProperty(u => u.Fonctions, oui ? FonctionsCompte.ValidateurDepartement : FonctionsCompte.Aucune)));

    [Fact]
    [Trait("Rule", "CER-05")]
    [Trait("Rule", "CER-06")]
    [Trait("Rule", "CER-08")]
    public async Task CER_05_06_08_redige_signe_a_l_ecran_valide_et_conserve_en_pdf_dont_l_empreinte_est_verifiee()
    {
        var (jeune, cer) = await ParcoursAsync("Signataire");
        var v0 = (await CerAsync(cer)).Version;

        // CER-05: an action outside the nomenclature is refused, with its code; nothing changes.
        var horsNomenclature = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v0, Contenu, [new ActionSaisie("INVENTE", Aujourdhui, null)])));
        Assert.Equal(("CER-05", "Actions"), (horsNomenclature.RuleId, horsNomenclature.Champ));
        Assert.Contains("INVENTE", horsNomenclature.Message, StringComparison.Ordinal);
        Assert.Equal(EtatCer.Vide, (await CerAsync(cer)).Etat);

        var v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v0, Contenu, [new ActionSaisie("EMPLOI-RECH", Aujourdhui, null)], DureeMois: 9));
        var saisi = await CerAsync(cer);
        Assert.Equal((9, Aujourdhui.AddMonths(9).AddDays(-1), "Recherche d'emploi accompagnée", Aujourdhui.AddMonths(6)),
            (saisi.DureeMois, saisi.FinPrevue, saisi.Actions[0].Libelle, saisi.Actions[0].Echeance));

        // CER-06: a signature that is not a drawn image is refused; the référent cannot sign first.
        var pasImage = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, true, "data:image/png;base64,AAAA")));
        Assert.Equal(("CER-06", "Signature"), (pasImage.RuleId, pasImage.Champ));
        Assert.Equal("CER-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, false, CerTests.Png)))).RuleId);
        var vide = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, true, null)));
        Assert.Contains("obligatoire", vide.Erreurs["Signature"][0], StringComparison.Ordinal);

        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, true, CerTests.Png));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, false, CerTests.Png));
        v = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, v, Soumettre: false));

        // CER-08: the validated CER is a PDF in the dossier's documents, with both signatures drawn in it.
        var valide = await CerAsync(cer);
        Assert.Equal(EtatCer.Valide, valide.Etat);
        var document = await f.LireAsync(Conseiller, db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == valide.DocumentId));
        Assert.Equal((CategorieDocument.Contrat, "application/pdf"), (document.Categorie, document.TypeMime));
        using (var pdf = PdfDocument.Open(document.Contenu))
        {
            var texte = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Contrat d'engagement réciproque", texte, StringComparison.Ordinal);
            Assert.Contains("Rechercher 5 offres par mois", texte, StringComparison.Ordinal);
            Assert.Contains("Recherche d'emploi accompagnée", texte, StringComparison.Ordinal);
            Assert.Equal(2, pdf.GetPages().Sum(p => p.GetImages().Count()));
        }

        // The SHA-256 kept with the document is the file's; a copy changed by one byte is not the signed one.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document.Contenu)), document.Empreinte);
        Assert.True((await f.EnvoyerAsync(Conseiller, new VerifierDocumentQuery(document.Id, document.Contenu))).Conforme);
        var modifiee = document.Contenu.ToArray();
        modifiee[^10] ^= 0x20;
        var verification = await f.EnvoyerAsync(Conseiller, new VerifierDocumentQuery(document.Id, modifiee));
        Assert.False(verification.Conforme);
        Assert.NotEqual(document.Empreinte, verification.EmpreinteCopie);

        // The stored file never changes, even by SQL.
        await using var cnx = new NpgsqlConnection(f.Connexion);
        await cnx.OpenAsync();
        await using (var update = new NpgsqlCommand("UPDATE documents SET contenu = '\\x00'::bytea WHERE id = @id", cnx))
        {
            update.Parameters.AddWithValue("id", document.Id);
            Assert.Equal("ck_documents_immuable", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).ConstraintName);
        }

        // Archived once; every step is in the dossier's history.
        Assert.Equal("CER-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, v, false)))).RuleId);
        Assert.Equal(1, await f.LireAsync(Conseiller, db => db.Documents.CountAsync(d => d.JeuneId == jeune && d.Categorie == CategorieDocument.Contrat)));
        var historique = await f.LireAsync(Conseiller, db => db.Historique.AsNoTracking().Where(h => h.JeuneId == jeune && h.Element == "CER").Select(h => h.Champ).ToListAsync());
        Assert.Contains("Signature du bénéficiaire", historique);
        Assert.Contains("Ajout", historique);
        var actions = await f.LireAsync(Conseiller, db => db.Historique.AsNoTracking().Where(h => h.JeuneId == jeune && h.Element == "CER" && h.Champ == "Actions d'insertion").Select(h => h.NouvelleValeur).ToListAsync());
        Assert.Contains($"Recherche d'emploi accompagnée du {Aujourdhui:dd/MM/yyyy} au {Aujourdhui.AddMonths(6):dd/MM/yyyy}", actions);
    }

    [Fact]
    [Trait("Rule", "CER-02")]
    [Trait("Rule", "CER-06")]
    [Trait("Rule", "CER-07")]
    public async Task CER_02_06_07_reprise_soumise_refusee_par_le_departement_reprise_puis_validee()
    {
        var (jeune, premier) = await ParcoursAsync("Reprise");
        await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(premier, await SigneAsync(premier), false));

        // CER-02: only the two locked types are created this way; the levée is pre-ticked.
        Assert.Equal("CER-02", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new CreerCerCommand(jeune, TypeCer.Renouvellement, Aujourdhui, 6)))).RuleId);
        var reprise = await f.EnvoyerAsync(Conseiller, new CreerCerCommand(jeune, TypeCer.RepriseVersement, Aujourdhui, 6));
        Assert.True((await CerAsync(reprise)).LeveeSuspension);

        // CER-06: it goes to the département.
        var v = await SigneAsync(reprise);
        Assert.Equal("CER-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ValiderCerCommand(reprise, v, false)))).RuleId);
        v = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(reprise, v, Soumettre: true));
        Assert.Contains(await f.EnvoyerAsync(Validateur, new ListerJeunesAlerteQuery("cer-en-validation", Structure: true)), j => j.JeuneId == jeune);

        // The right comes with the profile, the decision with the validateur du département's function.
        await DonnerFonctionValidateurAsync(oui: false);
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(Conseiller, new DeciderCerCommand(reprise, v, true, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => f.EnvoyerAsync(Validateur, new DeciderCerCommand(reprise, v, true, null)));
        await DonnerFonctionValidateurAsync();
        Assert.Contains((await f.EnvoyerAsync(Validateur, new ListerValidationsRsaQuery())).Cers, c => c.Id == reprise);
        Assert.Equal("CER-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Validateur, new DeciderCerCommand(reprise, v, false, " ")))).RuleId);
        v = await f.EnvoyerAsync(Validateur, new DeciderCerCommand(reprise, v, false, "Les engagements ne disent pas quand."));
        Assert.Equal((EtatCer.Refuse, "Les engagements ne disent pas quand."), ((await CerAsync(reprise)).Etat, (await CerAsync(reprise)).MotifRefus));
        Assert.Contains(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("cer-refuse", Structure: true)), j => j.JeuneId == jeune);

        // CER-07: taken up again with its content, corrected, signed, submitted and validated: the PDF is archived.
        var suite = await f.EnvoyerAsync(Conseiller, new ReprendreCerCommand(reprise, v));
        var repris = await CerAsync(suite);
        Assert.Equal((EtatCer.EnSaisie, TypeCer.RepriseVersement, "Rechercher 5 offres par mois"), (repris.Etat, repris.Type, repris.Engagements));
        Assert.Equal(EtatCer.Cloture, (await CerAsync(reprise)).Etat);
        var w = await SigneAsync(suite);
        w = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(suite, w, true));
        await f.EnvoyerAsync(Validateur, new DeciderCerCommand(suite, w, true, null));
        var decide = await CerAsync(suite);
        Assert.Equal((EtatCer.Valide, (Guid?)f.Comptes[Validateur].Id), (decide.Etat, decide.DecidePar));
        Assert.NotNull(decide.DocumentId);
        Assert.DoesNotContain(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("cer-refuse", Structure: true)), j => j.JeuneId == jeune);
    }

    [Fact]
    [Trait("Rule", "CER-06")]
    [Trait("Rule", "CER-07")]
    public async Task CER_07_vingt_renouvellements_identiques_font_un_contrat_et_l_avenant_valide_clot_l_amende()
    {
        var (jeune, cer) = await ParcoursAsync("Renouvellement");
        var v = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, await SigneAsync(cer), false));
        var fin = (await CerAsync(cer)).FinPrevue;
        Assert.DoesNotContain(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("cer-a-renouveler", Structure: true)), j => j.JeuneId == jeune);

        // 20 identical clicks on « Renouveler »: one new contract.
        var essais = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                return await f.EnvoyerAsync(Conseiller, new RenouvelerCerCommand(cer, v, fin, 6));
            }
            catch (Exception e) when (e is ConcurrencyConflictException or BusinessRuleException)
            {
                return Guid.Empty;
            }
        }));
        Assert.Single(essais, e => e != Guid.Empty);
        var cers = await f.LireAsync(Conseiller, db => db.Cers.AsNoTracking().Where(c => c.JeuneId == jeune).ToListAsync());
        Assert.Equal(2, cers.Count);
        var suivant = cers.Single(c => c.Type == TypeCer.Renouvellement);
        Assert.Equal((EtatCer.Vide, fin.AddDays(1)), (suivant.Etat, suivant.Debut));
        Assert.Equal(EtatCer.Cloture, cers.Single(c => c.Id == cer).Etat);

        // An avenant after a sanction goes to the département; once validated it closes the contract it amends.
        var (_, autre) = await ParcoursAsync("Avenant");
        var va = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(autre, await SigneAsync(autre), false));
        var avenant = await f.EnvoyerAsync(Conseiller, new FaireAvenantCommand(autre, va, Aujourdhui.AddMonths(1), 5, ApresSanction: true));
        var copie = await CerAsync(avenant);
        Assert.Equal((EtatCer.EnSaisie, "Aide-soignante", 2), (copie.Etat, copie.Perspectives, copie.Actions.Count));
        var vv = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(avenant, copie.Version, true, CerTests.Png));
        vv = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(avenant, vv, false, CerTests.Png));
        Assert.Equal("CER-06", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new ValiderCerCommand(avenant, vv, false)))).RuleId);
        vv = await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(avenant, vv, true));
        await DonnerFonctionValidateurAsync();
        await f.EnvoyerAsync(Validateur, new DeciderCerCommand(avenant, vv, true, null));
        var amende = await CerAsync(autre);
        Assert.Equal((EtatCer.Cloture, (DateOnly?)Aujourdhui.AddMonths(1).AddDays(-1)), (amende.Etat, amende.ClotureLe));
    }

    [Fact]
    [Trait("Rule", "CER-05")]
    public async Task CER_05_une_action_peut_proposer_un_service_sur_une_session_du_catalogue_de_la_structure()
    {
        var (_, cer) = await ParcoursAsync("Session");
        var offre = await f.EnvoyerAsync(Conseiller, new CreerOffreCommand("FORMATION", TypeOffre.Atelier, "Atelier CV", null));
        var session = await f.EnvoyerAsync(Conseiller, new AjouterSessionCommand(offre, f.Clock.GetUtcNow().AddDays(10), 120, "Salle 2", 8));
        var offreB = await f.EnvoyerAsync("conseiller.b", new CreerOffreCommand("FORMATION", TypeOffre.Atelier, "Atelier d'ailleurs", null));
        var sessionB = await f.EnvoyerAsync("conseiller.b", new AjouterSessionCommand(offreB, f.Clock.GetUtcNow().AddDays(10), 120, "Lyon", 8));
        var v = (await CerAsync(cer)).Version;
        Assert.Contains(session, (await f.EnvoyerAsync(Conseiller, new ConsulterRsaQuery((await CerAsync(cer)).JeuneId))).Sessions.Keys);

        // Another Mission Locale's session is not in this catalogue.
        var ailleurs = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v, Contenu, [new ActionSaisie("EMPLOI-RECH", Aujourdhui, null, sessionB)])));
        Assert.Equal(("CER-05", "Actions"), (ailleurs.RuleId, ailleurs.Champ));

        v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v, Contenu, [new ActionSaisie("EMPLOI-RECH", Aujourdhui, null, session)]));
        var action = Assert.Single((await CerAsync(cer)).Actions);
        Assert.Equal(session, action.SessionId);
        Assert.StartsWith("Atelier CV, le ", action.Session, StringComparison.Ordinal);
        Assert.EndsWith(", Salle 2", action.Session, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "CER-06")]
    public async Task CER_06_signe_sur_papier_la_copie_numerisee_est_conservee()
    {
        var (_, cer) = await ParcoursAsync("Papier");
        var v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, (await CerAsync(cer)).Version, Contenu, []));
        var pasUnScan = await Assert.ThrowsAsync<InvalidInputException>(() => f.EnvoyerAsync(Conseiller, new SignerCerSurPapierCommand(cer, v, "scan.exe", [0x4D, 0x5A, 0x90])));
        Assert.Contains("Fichier", pasUnScan.Erreurs.Keys);
        v = await f.EnvoyerAsync(Conseiller, new SignerCerSurPapierCommand(cer, v, "cer-signe.pdf", "%PDF-1.4 scan"u8.ToArray()));
        var signe = await CerAsync(cer);
        Assert.Equal(EtatCer.Signe, signe.Etat);
        var scan = await f.LireAsync(Conseiller, db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == signe.ScanSignePapierId));
        Assert.Equal((CategorieDocument.Contrat, "CER signé sur papier cer-signe.pdf"), (scan.Categorie, scan.Nom));
        await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, v, false));
        using var pdf = PdfDocument.Open(await f.LireAsync(Conseiller, async db => (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == db.Cers.Single(c => c.Id == cer).DocumentId)).Contenu));
        Assert.Contains("Signé sur papier par les deux parties", string.Join(" ", pdf.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "EP-01")]
    [Trait("Rule", "EP-03")]
    [Trait("Rule", "EP-04")]
    [Trait("Rule", "EP-05")]
    [Trait("Rule", "EP-06")]
    public async Task EP_01_06_absence_au_rdv_F_propose_la_saisine_puis_validation_commission_et_sanction()
    {
        var sansParcours = (await f.EnvoyerAsync("chargeaccueil.a", AppFixture.PremierAccueil("Horsparcours", "Léo"))).JeuneId;
        Assert.Equal("EP-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirEpCommand(sansParcours, MotifSaisine.AbsenceCer, null, null, null)))).RuleId);

        var (jeune, _) = await ParcoursAsync("Absente");

        // EP-06: absent at the F rendez-vous: the saisine « Absence de CER » is proposed; not at a J rendez-vous.
        var f1 = await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = jeune, Nature = NatureRendezVous.RsaElaborationPremierContrat1, Objet = "Élaboration de votre contrat d'engagement réciproque", Debut = f.Clock.GetUtcNow().AddHours(1), DureeMinutes = 45, Lieu = "Antenne" });
        var j = await f.EnvoyerAsync(Conseiller, new PlanifierRendezVousCommand { JeuneId = jeune, Nature = NatureRendezVous.RsaSuivi, Objet = "Suivi", Debut = f.Clock.GetUtcNow().AddHours(2), DureeMinutes = 30, Lieu = "Antenne" });

        // The convocation to the CER rendez-vous, from the structure's template.
        var convocation = await f.EnvoyerAsync(Conseiller, new GenererConvocationCommand(f1));
        using (var lettre = PdfDocument.Open(await f.LireAsync(Conseiller, async db => (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == convocation)).Contenu)))
        {
            Assert.Contains("contrat d'engagement réciproque", string.Join(" ", lettre.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        f.Clock.Advance(TimeSpan.FromHours(3));
        await f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(f1, 0, StatutRendezVous.Absent, MotifAbsence.NonExcuse));
        await f.EnvoyerAsync(Conseiller, new ChangerStatutRendezVousCommand(j, 0, StatutRendezVous.Absent, MotifAbsence.NonExcuse));
        var vue = await f.EnvoyerAsync(Conseiller, new ConsulterRsaQuery(jeune));
        var proposition = Assert.Single(vue.Propositions);
        Assert.Equal((f1, MotifSaisine.AbsenceCer), (proposition.RendezVousId, proposition.Motif));

        // The saisine with its notice to the beneficiary; the proposal is then followed.
        var saisine = await f.EnvoyerAsync(Conseiller, new SaisirEpCommand(jeune, proposition.Motif, null, null, "Aucune réponse aux deux convocations."));
        vue = await f.EnvoyerAsync(Conseiller, new ConsulterRsaQuery(jeune));
        Assert.Empty(vue.Propositions);
        var s = Assert.Single(vue.Saisines);
        Assert.Equal((EtatSaisine.AValider, SaisineEp.ReductionNiveau1), (s.Etat, s.DecisionProposee));
        using (var avis = PdfDocument.Open(await f.LireAsync(Conseiller, async db => (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == s.AvisDocumentId)).Contenu)))
        {
            var texte = string.Join(" ", avis.GetPages().Select(p => p.Text));
            Assert.Contains("équipe pluridisciplinaire", texte, StringComparison.Ordinal);
            Assert.Contains("Absence de CER", texte, StringComparison.Ordinal);
        }

        // EP-05: no réorientation while this sanction saisine is pending.
        Assert.Equal("EP-05", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirEpCommand(jeune, MotifSaisine.Reorientation, TypeAccompagnement.Social, "CCAS de Rennes", null)))).RuleId);

        // EP-03: the département inscribes it (committee and date required), the committee decides once it sat.
        await DonnerFonctionValidateurAsync();
        var v = await f.EnvoyerAsync(Conseiller, new CommenterSaisineCommand(saisine, s.Version, "Venue le lendemain, un CER se prépare."));
        var sansCommission = await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Validateur, new DeciderSaisineCommand(saisine, v, ActionSaisine.Inscrire)));
        Assert.Equal(("EP-03", "Commission"), (sansCommission.RuleId, sansCommission.Champ));
        v = await f.EnvoyerAsync(Validateur, new DeciderSaisineCommand(saisine, v, ActionSaisine.Inscrire, "EP Rennes Nord", Aujourdhui.AddDays(7)));
        v = await f.EnvoyerAsync(Conseiller, new CommenterSaisineCommand(saisine, v, "Le CER est signé."));
        Assert.Equal("EP-03", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Validateur, new DeciderSaisineCommand(saisine, v, ActionSaisine.Statuer, Decision: "Réduction niveau 1", SanctionActive: true)))).RuleId);
        f.Clock.Advance(TimeSpan.FromDays(7));
        v = await f.EnvoyerAsync(Validateur, new DeciderSaisineCommand(saisine, v, ActionSaisine.Statuer, Decision: "Réduction niveau 1", SanctionActive: true));

        // EP-04: nothing changes once the committee sat.
        Assert.Equal("EP-04", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new CommenterSaisineCommand(saisine, v, "Trop tard")))).RuleId);
        Assert.Equal("EP-05", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new SaisirEpCommand(jeune, MotifSaisine.Reorientation, TypeAccompagnement.Social, "CCAS de Rennes", null)))).RuleId);
        await f.EnvoyerAsync(Validateur, new DeciderSaisineCommand(saisine, v, ActionSaisine.LeverSanction));
        var reorientation = await f.EnvoyerAsync(Conseiller, new SaisirEpCommand(jeune, MotifSaisine.Reorientation, TypeAccompagnement.Social, "CCAS de Rennes", null));
        Assert.Equal("Réorientation social", (await f.EnvoyerAsync(Conseiller, new ConsulterRsaQuery(jeune))).Saisines.Single(x => x.Id == reorientation).DecisionProposee);

        // Another Mission Locale sees none of it.
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new ConsulterRsaQuery(jeune)));
        await Assert.ThrowsAsync<NotFoundException>(() => f.EnvoyerAsync("conseiller.b", new CommenterSaisineCommand(saisine, v, "Intrusion")));
    }

    [Fact]
    [Trait("Rule", "CER-01")]
    [Trait("Rule", "CER-07")]
    public async Task CER_01_07_listes_du_referent_sans_cer_en_vigueur_et_a_renouveler_dans_le_mois()
    {
        var (jeune, cer) = await ParcoursAsync("Listes");
        Assert.Equal("CER-01", (await Assert.ThrowsAsync<BusinessRuleException>(() => f.EnvoyerAsync(Conseiller, new OuvrirParcoursCommand(jeune, TypeAccompagnement.Social, null, Aujourdhui)))).RuleId);
        Assert.Contains(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("rsa-sans-cer", Structure: true)), x => x.JeuneId == jeune);

        var v = (await CerAsync(cer)).Version;
        v = await f.EnvoyerAsync(Conseiller, new SaisirCerCommand(cer, v, Contenu, [], Debut: Aujourdhui.AddMonths(-3).AddDays(10), DureeMois: 3));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, true, CerTests.Png));
        v = await f.EnvoyerAsync(Conseiller, new SignerCerCommand(cer, v, false, CerTests.Png));
        await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, v, false));
        Assert.DoesNotContain(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("rsa-sans-cer", Structure: true)), x => x.JeuneId == jeune);
        var aRenouveler = Assert.Single(await f.EnvoyerAsync(Conseiller, new ListerJeunesAlerteQuery("cer-a-renouveler", Structure: true)), x => x.JeuneId == jeune);
        Assert.Equal($"CER en vigueur jusqu'au {Aujourdhui.AddDays(9):dd/MM/yyyy}", aRenouveler.Detail);
        var alertes = await f.EnvoyerAsync(Conseiller, new ConsulterAlertesQuery());
        Assert.Contains(alertes, a => a.Code == "cer-a-renouveler" && a.RuleId == "CER-07");

        // The same list as a criterion of the search builder, so it can be saved and shared (PIL-02).
        var recherche = await f.EnvoyerAsync(Conseiller, new RechercherDossiersQuery(new CriteresRecherche { Cer = ListeCer.ARenouvelerDansLeMois }));
        Assert.Contains(recherche.Page.Items, j => j.Id == jeune);
        Assert.DoesNotContain((await f.EnvoyerAsync(Conseiller, new RechercherDossiersQuery(new CriteresRecherche { Cer = ListeCer.SansCerEnVigueur }))).Page.Items, j => j.Id == jeune);
    }

    [Fact]
    [Trait("Rule", "RGPD-03")]
    [Trait("Rule", "CER-04")]
    public async Task RGPD_03_l_anonymisation_efface_le_contenu_d_un_cer_signe_seule_voie_permise()
    {
        var (jeune, cer) = await ParcoursAsync("Effacee");
        await f.EnvoyerAsync(Conseiller, new ValiderCerCommand(cer, await SigneAsync(cer), false));
        await f.LireAsync(Conseiller, db => db.AnonymiserDossiersAsync([jeune], f.Clock.GetUtcNow(), CancellationToken.None));
        var efface = await CerAsync(cer);
        Assert.Equal((null, null, 0, EtatCer.Valide), (efface.Engagements, efface.SignatureBeneficiaire, efface.Actions.Count, efface.Etat));
        Assert.Equal(0, await f.LireAsync(Conseiller, db => db.Documents.Where(d => d.JeuneId == jeune && d.Categorie == CategorieDocument.Contrat).SumAsync(d => d.Taille)));
    }
}
