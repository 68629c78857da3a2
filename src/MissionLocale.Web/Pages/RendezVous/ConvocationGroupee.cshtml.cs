using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.RendezVous.ConvoquerGroupe;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.RendezVous;

/// <summary>RDV-03 / PIL-02: convoke the jeunes ticked in a search list to one rendez-vous, then print all the letters.</summary>
public sealed class ConvocationGroupeeModel(IMediator mediator, ICurrentUser user) : MlPageModel(mediator)
{
    /// <summary>A convocation already sent, to show.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public List<Guid> Jeunes { get; set; } = [];

    [BindProperty]
    public SaisieConvocation Saisie { get; set; } = new();

    public ConvocationGroupeeDetail? Envoyee { get; private set; }

    public IReadOnlyList<UtilisateurResume> Intervenants { get; private set; } = [];

    public IReadOnlyList<Choix<Guid>> Antennes { get; private set; } = [];

    public bool PeutImprimer => MatriceDroits.A(user.Profil, Droit.GererDocuments);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return Redirect("/Pilotage/Recherche");
        }

        Envoyee = await Mediator.Send(new ConsulterConvocationGroupeeQuery(id), ct);
        return Page();
    }

    /// <summary>From the search list: the ticked jeunes; the form gets the id that makes a second submission harmless.</summary>
    public async Task<IActionResult> OnPostChoisirAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Jeunes.Count == 0)
        {
            ModelState.AddModelError(nameof(Jeunes), "Sélectionnez au moins un jeune dans la liste.");
        }

        Saisie = new SaisieConvocation { ConvocationGroupeeId = Guid.NewGuid() };
        await ChargerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConvoquerAsync(CancellationToken ct)
    {
        var r = await TenterAsync(() => Mediator.Send(new ConvoquerGroupeCommand
        {
            ConvocationGroupeeId = Saisie.ConvocationGroupeeId,
            Jeunes = Jeunes,
            Nature = Saisie.Nature,
            Modalite = Saisie.Modalite,
            Objet = Saisie.Objet ?? string.Empty,
            IntervenantId = Saisie.IntervenantId,
            AntenneId = Saisie.AntenneId,
            Lieu = Saisie.Lieu,
            Debut = Saisie.Debut is { } d ? Instant(d) : default,
            DureeMinutes = Saisie.DureeMinutes,
            Commentaire = Saisie.Commentaire,
            RappelEmail = Saisie.RappelEmail,
            RappelSms = Saisie.RappelSms,
            ConfirmerChevauchement = Saisie.ConfirmerChevauchement,
        }, ct).AsTask(), nameof(Saisie));
        if (r is null)
        {
            await ChargerAsync(ct);
            return Page();
        }

        TempData["Message"] = r.DejaEnvoyee
            ? "Cette convocation avait déjà été envoyée : rien n'a été refait."
            : $"{MissionLocale.Domain.Common.Libelles.Nombre(r.Convoques, "jeune convoqué", "jeunes convoqués")}, {MissionLocale.Domain.Common.Libelles.Nombre(r.Courriers, "courrier rangé", "courriers rangés")} dans les dossiers.";
        if (r.Ecartes.Count > 0)
        {
            TempData["Ecartes"] = string.Join("\n", r.Ecartes);
        }

        return Redirect($"/RendezVous/ConvocationGroupee?id={r.ConvocationGroupeeId}");
    }

    /// <summary>Every letter of the convocation in one PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var pdf = await Mediator.Send(new ImprimerConvocationGroupeeQuery(id), ct);
        return File(pdf, "application/pdf", $"convocations-{id.ToString()[..8]}.pdf");
    }

    private async Task ChargerAsync(CancellationToken ct)
    {
        Intervenants = await Mediator.Send(new ListerUtilisateursQuery(null), ct);
        Antennes = await Mediator.Send(new ListerAntennesQuery(), ct);
    }

    public sealed class SaisieConvocation
    {
        public Guid ConvocationGroupeeId { get; set; }

        public string? Objet { get; set; }

        public NatureRendezVous Nature { get; set; } = NatureRendezVous.InformationCollective;

        public Modalite Modalite { get; set; } = Modalite.SurPlace;

        public DateTime? Debut { get; set; }

        public int? DureeMinutes { get; set; } = 60;

        public Guid? IntervenantId { get; set; }

        public Guid? AntenneId { get; set; }

        public string? Lieu { get; set; }

        public string? Commentaire { get; set; }

        public bool RappelEmail { get; set; } = true;

        public bool RappelSms { get; set; } = true;

        public bool ConfirmerChevauchement { get; set; }
    }
}
