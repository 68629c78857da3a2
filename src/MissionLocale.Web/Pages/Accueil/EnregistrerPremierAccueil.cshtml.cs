using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Accueil.EnregistrerPremierAccueil;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Reference.RechercherCommunes;

namespace MissionLocale.Web.Pages.Accueil;

/// <summary>JEU-11: premier accueil by a chargé d'accueil (or a conseiller).</summary>
public sealed class EnregistrerPremierAccueilModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty]
    public EnregistrerPremierAccueilCommand Input { get; set; } = new();

    public IReadOnlyList<CommuneDto> Communes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Nom)> Pays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await ChargerListesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ChargerListesAsync(ct);
            return Page();
        }

        // Without JavaScript, a code postal with a single commune is enough.
        if (string.IsNullOrWhiteSpace(Input.CommuneInsee) && !string.IsNullOrWhiteSpace(Input.CodePostal))
        {
            var communes = await Mediator.Send(new RechercherCommunesQuery(Input.CodePostal, null), ct);
            if (communes.Count(c => c.CodePostal == Input.CodePostal.Trim()) == 1)
            {
                Input = Input with { CommuneInsee = communes.Single(c => c.CodePostal == Input.CodePostal.Trim()).CodeInsee };
            }
        }

        var resultat = await TenterAsync(() => Mediator.Send(Input, ct).AsTask(), nameof(Input));
        if (resultat is null)
        {
            await ChargerListesAsync(ct);
            return Page();
        }

        TempData["Message"] = resultat.QpvCode is null
            ? "Dossier créé. Premier entretien enregistré."
            : resultat.DispositifQpvId is null
                ? $"Dossier créé. L'adresse est dans le QPV « {resultat.QpvNom} » ({resultat.QpvCode}) : le dispositif QPV peut être ouvert depuis l'onglet Dispositifs (QPV-02)."
                : $"Dossier créé. L'adresse est dans le QPV « {resultat.QpvNom} » ({resultat.QpvCode}) : le dispositif QPV a été ouvert (QPV-02).";
        return Redirect($"/Jeunes/Dossier/{resultat.JeuneId}");
    }

    private async Task ChargerListesAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Input.CodePostal))
        {
            Communes = await Mediator.Send(new RechercherCommunesQuery(Input.CodePostal, null), ct);
        }

        Pays = (await Mediator.Send(new ListerPaysQuery(), ct))
            .Select(p => (p.Valeur, p.Libelle)).ToList();
    }
}
