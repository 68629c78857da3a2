using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Evenements.EnregistrerEvenement;
using MissionLocale.Application.Jeunes.ConsulterFrise;
using MissionLocale.Application.Offres.CreerOffre;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.RendezVous.ChangerStatutRendezVous;
using MissionLocale.Application.RendezVous.PlanifierRendezVous;
using MissionLocale.Application.Situations.EnregistrerSituation;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Situations;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The dossier's follow-up: the timeline (EVT-04) and the forms to record événements, rendez-vous and situations.</summary>
public sealed class SuiviModel(IMediator mediator, TimeProvider clock) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<TypeElementFrise> Types { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public DateOnly? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Au { get; set; }

    [BindProperty]
    public RdvSaisie Rdv { get; set; } = new();

    [BindProperty]
    public EvenementSaisie Evt { get; set; } = new();

    [BindProperty]
    public SituationSaisie Sit { get; set; } = new();

    public MissionLocale.Application.Jeunes.ConsulterEntete.EnteteDossier Entete { get; private set; } = null!;

    public IReadOnlyList<ElementFrise> Frise { get; private set; } = [];

    public IReadOnlyList<(string Code, string Libelle)> Domaines { get; private set; } = [];

    public IReadOnlyList<OffreDto> Offres { get; private set; } = [];

    public bool ChevauchementSignale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRendezVousAsync(CancellationToken ct)
    {
        var debut = Rdv.Debut is { } d ? Instant(d) : default;
        var r = await TenterAsync(() => Mediator.Send(new PlanifierRendezVousCommand
        {
            JeuneId = Id,
            Objet = Rdv.Objet ?? string.Empty,
            Nature = Rdv.Nature,
            Modalite = Rdv.Modalite,
            Debut = debut,
            DureeMinutes = Rdv.DureeMinutes,
            Lieu = Rdv.Lieu,
            Commentaire = Rdv.Commentaire,
            ConfirmerChevauchement = Rdv.ConfirmerChevauchement,
        }, ct).AsTask(), nameof(Rdv));
        ChevauchementSignale = RegleRefus == "RDV-01" && Homonymes.Count > 0;
        return await Suite(r != Guid.Empty, "Rendez-vous planifié.", ct);
    }

    public async Task<IActionResult> OnPostStatutAsync(Guid rendezVousId, int version, StatutRendezVous statut, MotifAbsence? motif, CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new ChangerStatutRendezVousCommand(rendezVousId, version, statut, motif), ct).AsTask(), string.Empty);
        var message = $"Rendez-vous marqué « {MissionLocale.Domain.Common.Libelles.De(statut)} ».";

        // EP-06: an absence at an F or H rendez-vous proposes a saisine of the équipe pluridisciplinaire (RSA tab).
        if (r > 0 && statut == StatutRendezVous.Absent
            && (await Mediator.Send(new Application.Insertion.ConsulterRsa.ConsulterRsaQuery(Id), ct)).Propositions.FirstOrDefault(p => p.RendezVousId == rendezVousId) is { } proposition)
        {
            message += $" La saisine « {proposition.MotifLibelle} » de l'équipe pluridisciplinaire est proposée dans l'onglet RSA.";
        }

        return await Suite(r > 0, message, ct);
    }

    public async Task<IActionResult> OnPostConvocationAsync(Guid rendezVousId, CancellationToken ct)
    {
        var doc = await TenterAsync(() => Mediator.Send(new GenererConvocationCommand(rendezVousId), ct).AsTask(), string.Empty);
        if (doc != Guid.Empty)
        {
            TempData["Message"] = "Convocation générée et rangée dans les documents du dossier.";
            TempData["Document"] = doc.ToString();
            return Redirect($"/Jeunes/Dossier/{Id}/suivi");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEvenementAsync(CancellationToken ct)
    {
        var date = Evt.Date is { } d ? Instant(d) : clock.GetUtcNow();
        var propositions = string.IsNullOrWhiteSpace(Evt.DomaineCode) ? [] : new List<PropositionSaisie> { new(Evt.DomaineCode, Evt.OffreId, Evt.Libelle, Evt.Etat) };
        var r = await TenterAsync(() => Mediator.Send(new EnregistrerEvenementCommand(Id, Evt.Nature, date, Evt.DureeMinutes, Evt.Commentaire, propositions), ct).AsTask(), nameof(Evt));
        return await Suite(r != Guid.Empty, "Événement enregistré.", ct);
    }

    /// <summary>EVT-02: positions the jeune on a session; a full session refuses.</summary>
    public async Task<IActionResult> OnPostPositionnerAsync(Guid sessionId, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new MissionLocale.Application.Offres.PositionnerJeune.PositionnerJeuneCommand(sessionId, Id), ct), "Session");
        return await Suite(ModelState.IsValid, "Jeune positionné sur la session.", ct);
    }

    public async Task<IActionResult> OnPostSituationAsync(CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new EnregistrerSituationCommand(Id, Sit.Type, Sit.DateDebut ?? default, Sit.DateFin, Sit.TypeContrat, Sit.Employeur, Sit.Organisme, Sit.ObjectifGeneral, Sit.ValidationPreparee, Sit.Niveau?.ToString(System.Globalization.CultureInfo.InvariantCulture), Mesure: Sit.Mesure, EntrepriseId: Sit.EntrepriseId), ct).AsTask(), nameof(Sit));
        return await Suite(r is not null, r?.AlerteSansObjectif == true ? "Situation enregistrée. Attention : formation sans objectif général (CUR-04)." : "Situation enregistrée.", ct);
    }

    private async Task<IActionResult> Suite(bool ok, string message, CancellationToken ct)
    {
        if (ok)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/suivi");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new MissionLocale.Application.Jeunes.ConsulterEntete.ConsulterEnteteQuery(Id, "Consultation du suivi"), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Frise = await Mediator.Send(new ConsulterFriseQuery(Id, Types, Du, Au), ct);
        Domaines = (await Mediator.Send(new ListerDomainesPropositionQuery(), ct))
            .Select(x => (x.Valeur, x.Libelle)).ToList();
        Offres = await Mediator.Send(new ListerOffresQuery(), ct);
        Choix = await Mediator.Send(new MissionLocale.Application.Cursus.ConsulterCursus.ListerNomenclaturesCursusQuery(), ct);
        try
        {
            Entreprises = await Mediator.Send(new MissionLocale.Application.Entreprises.RechercherEntreprises.RechercherEntreprisesQuery(Taille: 200), ct);
        }
        catch (ForbiddenException)
        {
            // A profile without the companies' file types the employer's name.
            Entreprises = [];
        }

        return true;
    }

    /// <summary>CUR-03/CUR-04: objectifs généraux, validations and levels offered for a formation.</summary>
    public MissionLocale.Application.Cursus.ConsulterCursus.NomenclaturesCursus Choix { get; private set; } = null!;

    /// <summary>ENT-01: the companies an emploi situation can name as employer.</summary>
    public IReadOnlyList<MissionLocale.Application.Entreprises.GererEntreprises.EntrepriseLigne> Entreprises { get; private set; } = [];

    public sealed class RdvSaisie
    {
        public string? Objet { get; set; }

        public NatureRendezVous Nature { get; set; } = NatureRendezVous.EntretienIndividuel;

        public Modalite Modalite { get; set; } = Modalite.SurPlace;

        public DateTime? Debut { get; set; }

        public int? DureeMinutes { get; set; } = 30;

        public string? Lieu { get; set; }

        public string? Commentaire { get; set; }

        public bool ConfirmerChevauchement { get; set; }

        public bool RappelEmail { get; set; } = true;

        public bool RappelSms { get; set; } = true;
    }

    public sealed class EvenementSaisie
    {
        public NatureEvenement Nature { get; set; } = NatureEvenement.EntretienIndividuel;

        public DateTime? Date { get; set; }

        public int DureeMinutes { get; set; } = 30;

        public string? Commentaire { get; set; }

        public string? DomaineCode { get; set; }

        public Guid? OffreId { get; set; }

        public string? Libelle { get; set; }

        public EtatProposition Etat { get; set; } = EtatProposition.Proposee;
    }

    public sealed class SituationSaisie
    {
        public TypeSituation Type { get; set; } = TypeSituation.Emploi;

        public DateOnly? DateDebut { get; set; }

        public DateOnly? DateFin { get; set; }

        public string? TypeContrat { get; set; }

        public string? Employeur { get; set; }

        public Guid? EntrepriseId { get; set; }

        public string? Organisme { get; set; }

        public string? ObjectifGeneral { get; set; }

        public string? ValidationPreparee { get; set; }

        public int? Niveau { get; set; }

        public string? Mesure { get; set; }
    }
}
