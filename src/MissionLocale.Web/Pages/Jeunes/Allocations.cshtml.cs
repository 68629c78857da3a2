using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Allocations.AttacherScanCerfa;
using MissionLocale.Application.Allocations.Common;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Allocations.DemanderAllocation;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Allocations.GenererCerfa;
using MissionLocale.Application.Allocations.GererCerfa;
using MissionLocale.Application.Allocations.ListerCerfas;
using MissionLocale.Application.Allocations.ListerDemandes;
using MissionLocale.Application.Allocations.ModifierDemande;
using MissionLocale.Application.Allocations.SoumettreDemande;
using MissionLocale.Application.Allocations.SupprimerDemande;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs.ListerDispositifs;
using MissionLocale.Application.Documents.DeposerDocument;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Domain.Allocations;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Documents;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The dossier's allocations tab: bank details (RIB), resources (ALLOC-08..10), CERFA (CERFA-01..03), requests (ALLOC-01..07).</summary>
public sealed class AllocationsModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SaisieCompte Saisie { get; set; } = new();

    public EnteteDossier Entete { get; private set; } = null!;

    public IReadOnlyList<CoordonneesBancairesDto> Comptes { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Nom)> Documents { get; private set; } = [];

    /// <summary>ALLOC-08..10: the declared months with their calculation.</summary>
    public IReadOnlyList<RessourcesDto> Ressources { get; private set; } = [];

    [BindProperty]
    public SaisieMois Mois { get; set; } = new();

    /// <summary>The open PACEA and CEJ of the dossier (CERFA and requests are theirs).</summary>
    public IReadOnlyList<DispositifDto> Dispositifs { get; private set; } = [];

    public IReadOnlyList<CerfaDto> Cerfas { get; private set; } = [];

    public IReadOnlyList<DemandeDto> Demandes { get; private set; } = [];

    [BindProperty]
    public SaisieDemande Demande { get; set; } = new();

    /// <summary>CERFA-01/02, CEJ-05: the CERFA PDF of a PACEA or a CEJ.</summary>
    public async Task<IActionResult> OnPostCerfaAsync(Guid dispositifId, CancellationToken ct)
    {
        var cerfa = await TenterAsync(() => Mediator.Send(new GenererCerfaCommand(dispositifId), ct).AsTask(), "Cerfa");
        return await ApresAsync(cerfa is null ? null : $"CERFA n° {cerfa.Numero} généré ({cerfa.Reference}) : imprimez-le, faites-le signer et joignez le scan.", ct);
    }

    /// <summary>CERFA-03: the signed scan, chosen among the dossier's documents or deposited here (it joins the documents).</summary>
    public async Task<IActionResult> OnPostScanAsync(Guid cerfaId, int version, Guid? documentId, IFormFile? fichier, CancellationToken ct)
    {
        if (fichier is { Length: > 0 })
        {
            using var ms = new MemoryStream();
            await fichier.CopyToAsync(ms, ct);
            var depose = await TenterAsync(() => Mediator.Send(new DeposerDocumentCommand(Id, CategorieDocument.PieceJustificative, Path.GetFileName(fichier.FileName), ms.ToArray()), ct).AsTask(), "Cerfa");
            documentId = depose == Guid.Empty ? null : depose;
            if (documentId is null)
            {
                return await ApresAsync(null, ct);
            }
        }

        if (documentId is null)
        {
            ModelState.AddModelError("Cerfa", "Choisissez le scan signé parmi les documents du dossier ou déposez le fichier.");
            return await ApresAsync(null, ct);
        }

        var r = await TenterAsync(() => Mediator.Send(new AttacherScanCerfaCommand(cerfaId, version, documentId.Value), ct).AsTask(), "Cerfa");
        return await ApresAsync(r is null ? null : "Scan signé joint : le CERFA est Signé, le siège peut le valider.", ct);
    }

    /// <summary>ALLOC-01..08, 12: a month's allocation, saved or submitted.</summary>
    public async Task<IActionResult> OnPostDemandeAsync(CancellationToken ct)
    {
        if (Demande.DispositifId is null || Demande.Mois is null)
        {
            ModelState.AddModelError("Demande.Mois", "Choisissez le dispositif et le mois de l'allocation.");
            return await ApresAsync(null, ct);
        }

        var r = await TenterAsync(() => Mediator.Send(new DemanderAllocationCommand(Id, Demande.DispositifId.Value, Demande.Mois.Value, Demande.Soumettre), ct).AsTask(), nameof(Demande));
        if (r?.Avertissement is { } avertissement)
        {
            TempData["Avertissement"] = $"{avertissement} ({r.AvertissementRegle})";
        }

        return await ApresAsync(r is null ? null : $"Demande de {r.Demande.Mois:MM/yyyy} enregistrée : {r.Demande.Montant.ToString("N2", Fr)} € ({r.Demande.EtatLibelle}).", ct);
    }

    public async Task<IActionResult> OnPostSoumettreAsync(Guid demandeId, int version, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(() => Mediator.Send(new SoumettreDemandeCommand(demandeId, version), ct).AsTask(), nameof(Demande)) is null ? null : "Demande soumise au siège.", ct);

    public async Task<IActionResult> OnPostSupprimerAsync(Guid demandeId, int version, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(async () => (object)await Mediator.Send(new SupprimerDemandeCommand(demandeId, version), ct), nameof(Demande)) is null ? null : "Demande supprimée.", ct);

    /// <summary>ALLOC-07: a modification (recomputed) or a full reversal.</summary>
    public async Task<IActionResult> OnPostModifierAsync(Guid demandeId, int version, bool reversementTotal, CancellationToken ct) =>
        await ApresAsync(await TenterAsync(() => Mediator.Send(new ModifierDemandeCommand(demandeId, version, reversementTotal), ct).AsTask(), nameof(Demande)) is null ? null
            : reversementTotal ? "Reversement total enregistré : l'allocation passe à 0 et part au siège." : "Demande modifiée : la nouvelle version part au siège.", ct);

    private async Task<IActionResult> ApresAsync(string? message, CancellationToken ct)
    {
        if (ModelState.IsValid && message is not null)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/allocations");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    /// <summary>ALLOC-08..10: the resources of month M-1 (a month declared again is corrected).</summary>
    public async Task<IActionResult> OnPostRessourcesAsync(CancellationToken ct)
    {
        // Amounts are read as typed in France ("1 234,56" or "1234.56"), never guessed with thousands separators.
        decimal? Lire(string? texte, string champ)
        {
            if (string.IsNullOrWhiteSpace(texte))
            {
                return null;
            }

            var t = new string(texte.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '€').ToArray()).Replace(',', '.');
            if (decimal.TryParse(t, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var m) && decimal.Round(m, 2) == m)
            {
                return m;
            }

            ModelState.AddModelError($"{nameof(Mois)}.{champ}", "Montant invalide : des chiffres, avec au plus deux décimales (exemple : 1234,56).");
            return null;
        }

        var saisie = new SaisieRessources(Lire(Mois.NetAPayer, nameof(Mois.NetAPayer)), Lire(Mois.AvanceHorsNet, nameof(Mois.AvanceHorsNet)), Lire(Mois.RevenuEcologique, nameof(Mois.RevenuEcologique)),
            Lire(Mois.RemunerationStagiaire, nameof(Mois.RemunerationStagiaire)), Lire(Mois.ChiffreAffaires, nameof(Mois.ChiffreAffaires)), Mois.Activite,
            Lire(Mois.AutresRessources, nameof(Mois.AutresRessources)), Lire(Mois.AllocationCejRecue, nameof(Mois.AllocationCejRecue)));
        if (ModelState.IsValid)
        {
            var existant = (await Mediator.Send(new ListerRessourcesQuery(Id), ct)).FirstOrDefault(r => Mois.Mois is { } m && r.Mois == new DateOnly(m.Year, m.Month, 1));
            await TenterAsync(() => Mediator.Send(new DeclarerRessourcesCommand(Id, Mois.Mois ?? default, saisie, Mois.Justificatifs, existant?.Version), ct).AsTask(), nameof(Mois));
        }

        if (ModelState.IsValid)
        {
            TempData["Message"] = "Ressources du mois enregistrées.";
            return Redirect($"/Jeunes/Dossier/{Id}/allocations");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new EnregistrerCoordonneesBancairesCommand(Id, Saisie.Iban ?? string.Empty, Saisie.Bic ?? string.Empty, Saisie.TypeCompte,
            Saisie.Titulaire ?? string.Empty, Saisie.Protection, Saisie.JugementDocumentId), ct).AsTask(), nameof(Saisie));
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Coordonnées bancaires enregistrées.";
            return Redirect($"/Jeunes/Dossier/{Id}/allocations");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation des allocations"), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Comptes = await Mediator.Send(new ConsulterCoordonneesBancairesQuery(Id), ct);
        Ressources = await Mediator.Send(new ListerRessourcesQuery(Id), ct);
        Dispositifs = (await Mediator.Send(new ListerDispositifsQuery(Id), ct)).Where(d => d.TypeCode is CodeDispositif.Pacea or CodeDispositif.Cej).ToList();
        Cerfas = await Mediator.Send(new ListerCerfasQuery(Id), ct);
        Demandes = await Mediator.Send(new ListerDemandesQuery(Id), ct);
        Documents = (await Mediator.Send(new ListerDocumentsChoixQuery(Id), ct)).Select(d => (d.Valeur, d.Libelle)).ToList();
        return true;
    }

    public sealed class SaisieMois
    {
        public DateOnly? Mois { get; set; }

        public string? NetAPayer { get; set; }

        public string? AvanceHorsNet { get; set; }

        public string? RevenuEcologique { get; set; }

        public string? RemunerationStagiaire { get; set; }

        public string? ChiffreAffaires { get; set; }

        public ActiviteMicro? Activite { get; set; }

        public string? AutresRessources { get; set; }

        public string? AllocationCejRecue { get; set; }

        public List<Guid> Justificatifs { get; set; } = [];
    }

    public sealed class SaisieDemande
    {
        public Guid? DispositifId { get; set; }

        public DateOnly? Mois { get; set; }

        public bool Soumettre { get; set; }
    }

    public sealed class SaisieCompte
    {
        public string? Iban { get; set; }

        public string? Bic { get; set; }

        public TypeCompte TypeCompte { get; set; } = TypeCompte.CompteCourant;

        public string? Titulaire { get; set; }

        public MesureProtection Protection { get; set; }

        public Guid? JugementDocumentId { get; set; }
    }
}
