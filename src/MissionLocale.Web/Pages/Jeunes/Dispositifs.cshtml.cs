using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.CloreDispositif;
using MissionLocale.Application.Dispositifs.ConsulterHeuresCej;
using MissionLocale.Application.Dispositifs.GererParrainage;
using MissionLocale.Application.Dispositifs.ListerDispositifs;
using MissionLocale.Application.Dispositifs.ListerParrains;
using MissionLocale.Application.Dispositifs.OuvrirDispositif;
using MissionLocale.Application.Dispositifs.RenouvelerDispositif;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Application.Reference.GererIntervenants;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Reference.ListerIntervenants;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The dossier's dispositifs: open one during an entretien individuel, close with a motive of the type's list.</summary>
public sealed class DispositifsModel(IMediator mediator, TimeProvider clock) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Ouverture Ouvrir { get; set; } = new();

    public EnteteDossier Entete { get; private set; } = null!;

    public IReadOnlyList<DispositifDto> Dispositifs { get; private set; } = [];

    public IReadOnlyList<(string Code, string Libelle)> Types { get; private set; } = [];

    public ILookup<string, string> Motifs { get; private set; } = Array.Empty<string>().ToLookup(x => x);

    public IReadOnlyList<(Guid Id, DateTimeOffset Date)> Entretiens { get; private set; } = [];

    public bool AvertissementSignale { get; private set; }

    /// <summary>USR-07: the structure's prescripteurs and référents de dispositif.</summary>
    public IReadOnlyList<IntervenantDto> Intervenants { get; private set; } = [];

    /// <summary>DISP-01: the antennes that can be the opérateur.</summary>
    public IReadOnlyList<(Guid Id, string Nom)> Antennes { get; private set; } = [];

    /// <summary>PARR-01: the structure's volunteer parrains and marraines.</summary>
    public IReadOnlyList<ParrainDto> Parrains { get; private set; } = [];

    /// <summary>CEJ-02..04: the weekly hours of the latest CEJ, if any.</summary>
    public HeuresCejDossier? HeuresCej { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOuvrirAsync(CancellationToken ct)
    {
        var id = await TenterAsync(() => Mediator.Send(new OuvrirDispositifCommand(
            Id, Ouvrir.TypeCode ?? string.Empty, Ouvrir.DateDebut ?? default, Ouvrir.DateFinPrevue ?? default, Ouvrir.EvenementId ?? Guid.Empty,
            Ouvrir.PrescripteurId, Ouvrir.ReferentId, Ouvrir.Pilote, Ouvrir.OperateurAntenneId, ConfirmerAvertissements: Ouvrir.ConfirmerAvertissements, Logement: Ouvrir.Logement,
            ParrainId: Ouvrir.ParrainId, AcceptationJeune: Ouvrir.AcceptationJeune, AcceptationParrain: Ouvrir.AcceptationParrain,
            PublicPao: Ouvrir.PublicPao, Programme: Ouvrir.Programme, Lycee: Ouvrir.Lycee, Classe: Ouvrir.Classe, NePoursuitPasEtudes: Ouvrir.NePoursuitPasEtudes), ct).AsTask(), nameof(Ouvrir));
        AvertissementSignale = ConfirmationDemandee;
        if (id != Guid.Empty)
        {
            TempData["Message"] = "Dispositif ouvert.";
            return Redirect($"/Jeunes/Dossier/{Id}/dispositifs");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    /// <summary>What was typed in a refused closing form, shown again in that dispositif's row.</summary>
    public (Guid DispositifId, DateOnly? DateFinReelle, string? Motif, string? Logement)? ClotureSaisie { get; private set; }

    public async Task<IActionResult> OnPostCloreAsync(Guid dispositifId, int version, DateOnly? dateFinReelle, string? motif, string? logement, bool confirmer, bool confirmerAvertissements, Guid? entrepriseId, CancellationToken ct)
    {
        ClotureSaisie = (dispositifId, dateFinReelle, motif, logement);

        // Closing is final: the user ticks the confirmation, together with the other checks (all errors at once).
        if (!confirmer)
        {
            ModelState.AddModelError("confirmer", "Cochez « Je confirme la clôture » pour clôturer le dispositif.");
        }

        if (dateFinReelle is null)
        {
            ModelState.AddModelError("dateFinReelle", "La date de fin est obligatoire.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            ModelState.AddModelError("motif", "Le motif de sortie est obligatoire.");
        }

        if (ModelState.IsValid)
        {
            await TenterAsync(async () => await Mediator.Send(new CloreDispositifCommand(dispositifId, version, dateFinReelle!.Value, motif!, logement, confirmerAvertissements, entrepriseId), ct), string.Empty);
        }

        if (ModelState.IsValid)
        {
            TempData["Message"] = "Dispositif clôturé.";
            return Redirect($"/Jeunes/Dossier/{Id}/dispositifs");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    /// <summary>DISP-04: renewal or extension by the type's policy (RE-02, DIAG-02, PACEA-04, CEJ-07).</summary>
    public async Task<IActionResult> OnPostRenouvelerAsync(Guid dispositifId, int version, DateOnly? nouvelleFinPrevue, CancellationToken ct)
    {
        await TenterAsync(async () => await Mediator.Send(new RenouvelerDispositifCommand(dispositifId, version, nouvelleFinPrevue ?? default), ct), string.Empty);
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Dispositif prolongé.";
            return Redirect($"/Jeunes/Dossier/{Id}/dispositifs");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    /// <summary>AVP-01: the end-of-cycle bilan for France Travail (stored as a PDF in the documents).</summary>
    public async Task<IActionResult> OnPostBilanAvpAsync(Guid dispositifId, int version, string? bilan, CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new MissionLocale.Application.Dispositifs.EnregistrerBilanAvenirPro.EnregistrerBilanAvenirProCommand(dispositifId, version, bilan ?? string.Empty), ct).AsTask(), string.Empty);
        return await ApresAsync("Bilan Avenir Pro enregistré ; le PDF est dans les documents du dossier.", ct);
    }

    /// <summary>CEJ-06: deleting a CEJ entered by mistake, after an explicit confirmation.</summary>
    public async Task<IActionResult> OnPostSupprimerCejAsync(Guid dispositifId, int version, bool confirmer, CancellationToken ct)
    {
        if (!confirmer)
        {
            ModelState.AddModelError(string.Empty, "Cochez la case pour confirmer la suppression du CEJ.");
        }
        else
        {
            await TenterAsync(async () => await Mediator.Send(new MissionLocale.Application.Dispositifs.SupprimerCej.SupprimerCejCommand(dispositifId, version), ct), string.Empty);
        }

        return await ApresAsync("CEJ supprimé.", ct);
    }

    public IReadOnlyList<MissionLocale.Application.Entreprises.GererEntreprises.EntrepriseLigne> Entreprises { get; private set; } = [];

    private async Task<IActionResult> ApresAsync(string message, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/dispositifs");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation des dispositifs"), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Dispositifs = await Mediator.Send(new ListerDispositifsQuery(Id), ct);
        HeuresCej = await Mediator.Send(new ConsulterHeuresCejQuery(Id), ct);
        Intervenants = await Mediator.Send(new ListerIntervenantsQuery(), ct);
        Parrains = await Mediator.Send(new ListerParrainsQuery(), ct);
        Antennes = (await Mediator.Send(new ListerAntennesQuery(), ct)).Select(a => (a.Valeur, a.Libelle)).ToList();
        var aujourdhui = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Types = (await Mediator.Send(new ListerTypesDispositifQuery(aujourdhui), ct)).Select(t => (t.Valeur, t.Libelle)).ToList();
        Motifs = (await Mediator.Send(new ListerMotifsSortieQuery(aujourdhui), ct)).ToLookup(m => m.Valeur, m => m.Libelle);
        if (Dispositifs.Any(d => d.TypeCode == MissionLocale.Domain.Dispositifs.CodeDispositif.Re && d.DateFinReelle is null))
        {
            // RE-03 / ENT-01: the company of a positive exit, from the file (for the profiles that have it).
            try
            {
                Entreprises = await Mediator.Send(new MissionLocale.Application.Entreprises.RechercherEntreprises.RechercherEntreprisesQuery(Taille: 200), ct);
            }
            catch (ForbiddenException)
            {
                Entreprises = [];
            }
        }

        Entretiens = (await Mediator.Send(new ListerEntretiensQuery(Id), ct)).Select(e => (e.Id, e.Date)).ToList();
        return true;
    }

    public sealed class Ouverture
    {
        public string? TypeCode { get; set; }

        public DateOnly? DateDebut { get; set; }

        public DateOnly? DateFinPrevue { get; set; }

        public Guid? EvenementId { get; set; }

        public bool ConfirmerAvertissements { get; set; }

        public string? Logement { get; set; }

        public Guid? PrescripteurId { get; set; }

        public Guid? ReferentId { get; set; }

        public Guid? ParrainId { get; set; }

        public string? Pilote { get; set; }

        public Guid? OperateurAntenneId { get; set; }

        public DateOnly? AcceptationJeune { get; set; }

        public DateOnly? AcceptationParrain { get; set; }

        public string? PublicPao { get; set; }

        public string? Programme { get; set; }

        public string? Lycee { get; set; }

        public string? Classe { get; set; }

        public bool NePoursuitPasEtudes { get; set; }
    }
}
