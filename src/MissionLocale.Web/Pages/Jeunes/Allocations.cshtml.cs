using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        Documents = (await db.Documents.AsNoTracking().Where(d => d.JeuneId == Id).OrderByDescending(d => d.CreeLe).Select(d => new { d.Id, d.Nom }).ToListAsync(ct))
            .Select(d => (d.Id, d.Nom)).ToList();
        return true;
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
