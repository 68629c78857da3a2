using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Entreprises.AjouterContactEntreprise;
using MissionLocale.Application.Entreprises.ConsulterEntreprise;
using MissionLocale.Application.Entreprises.CreerEntreprise;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Application.Entreprises.ModifierEntreprise;
using MissionLocale.Application.Reference.ListerChoix;

namespace MissionLocale.Web.Pages.Entreprises;

/// <summary>ENT-01: a company (creation when no id), its référent and its contacts.</summary>
public sealed class FicheModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Siret { get; set; }

    [BindProperty]
    public string? RaisonSociale { get; set; }

    [BindProperty]
    public string? Enseigne { get; set; }

    [BindProperty]
    public string? CodeNaf { get; set; }

    [BindProperty]
    public string? AdresseVoie { get; set; }

    [BindProperty]
    public string? CodePostal { get; set; }

    [BindProperty]
    public string? CommuneInsee { get; set; }

    [BindProperty]
    public bool RattacheeSirene { get; set; }

    [BindProperty]
    public Guid? ReferentId { get; set; }

    [BindProperty]
    public ContactSaisi Contact { get; set; } = new();

    public EntrepriseDto? Entreprise { get; private set; }

    public IReadOnlyList<UtilisateurResume> Referents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ChargerAsync(ct);
        if (Id is not null && Entreprise is null)
        {
            return NotFound();
        }

        if (Entreprise is { } e)
        {
            (Version, Siret, RaisonSociale, Enseigne, CodeNaf, AdresseVoie, CodePostal, CommuneInsee, RattacheeSirene, ReferentId) =
                (e.Version, e.Siret, e.RaisonSociale, e.Enseigne, e.CodeNaf, e.AdresseVoie, e.CodePostal, e.CommuneInsee, e.RattacheeSirene, e.ReferentId);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            var id = await TenterAsync(() => Mediator.Send(new CreerEntrepriseCommand(Siret, RaisonSociale, Enseigne, CodeNaf, AdresseVoie, CodePostal, CommuneInsee, RattacheeSirene, ReferentId), ct).AsTask(), string.Empty);
            if (ModelState.IsValid)
            {
                TempData["Message"] = "Entreprise enregistrée.";
                return Redirect($"/Entreprises/Fiche?id={id}");
            }
        }
        else
        {
            await TenterAsync(async () => await Mediator.Send(new ModifierEntrepriseCommand(Id.Value, Version, Siret, RaisonSociale, Enseigne, CodeNaf, AdresseVoie, CodePostal, CommuneInsee, RattacheeSirene, ReferentId), ct), string.Empty);
            if (ModelState.IsValid)
            {
                TempData["Message"] = "Entreprise modifiée.";
                return Redirect($"/Entreprises/Fiche?id={Id}");
            }
        }

        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        await TenterAsync(() => Mediator.Send(new AjouterContactEntrepriseCommand(Id ?? Guid.Empty, Version, Contact.Nom, Contact.Prenom, Contact.Fonction, Contact.Telephone, Contact.Email), ct).AsTask(), nameof(Contact));
        if (ModelState.IsValid)
        {
            TempData["Message"] = "Contact ajouté.";
            return Redirect($"/Entreprises/Fiche?id={Id}");
        }

        await ChargerAsync(ct);
        return Page();
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Referents = await Mediator.Send(new ListerUtilisateursQuery(), ct);
        if (Id is { } id)
        {
            try
            {
                Entreprise = await Mediator.Send(new ConsulterEntrepriseQuery(id), ct);
            }
            catch (NotFoundException)
            {
                Entreprise = null;
            }
        }
    }

    public sealed class ContactSaisi
    {
        public string? Nom { get; set; }

        public string? Prenom { get; set; }

        public string? Fonction { get; set; }

        public string? Telephone { get; set; }

        public string? Email { get; set; }
    }
}
