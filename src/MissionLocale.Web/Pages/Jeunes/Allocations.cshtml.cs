using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Allocations.DeclarerRessources;
using MissionLocale.Application.Allocations.EnregistrerCoordonneesBancaires;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The dossier's allocations tab: bank details first (RIB-01..05), the allocations of issue 5 next.</summary>
public sealed class AllocationsModel(IMediator mediator, IAppDbContext db) : MlPageModel(mediator)
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
        Documents = (await db.Documents.AsNoTracking().Where(d => d.JeuneId == Id).OrderByDescending(d => d.CreeLe).Select(d => new { d.Id, d.Nom }).ToListAsync(ct))
            .Select(d => (d.Id, d.Nom)).ToList();
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
