using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Insertion.CommenterSaisine;
using MissionLocale.Application.Insertion.ConsulterRsa;
using MissionLocale.Application.Insertion.CreerCer;
using MissionLocale.Application.Insertion.FaireAvenant;
using MissionLocale.Application.Insertion.OuvrirParcours;
using MissionLocale.Application.Insertion.RenouvelerCer;
using MissionLocale.Application.Insertion.ReprendreCer;
using MissionLocale.Application.Insertion.SaisirCer;
using MissionLocale.Application.Insertion.SaisirEp;
using MissionLocale.Application.Insertion.SignerCer;
using MissionLocale.Application.Insertion.SignerCerSurPapier;
using MissionLocale.Application.Insertion.ValiderCer;
using MissionLocale.Application.Jeunes.ConsulterEntete;
using MissionLocale.Domain.Insertion;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>
/// CER-01 to CER-08, EP-01 to EP-06: the dossier's RSA tab, following the référent's path: parcours, CER drafted with
/// the beneficiary, signed by both on screen (or on paper), validated or submitted, renewed or amended; saisines EP.
/// </summary>
public sealed class RsaModel(IMediator mediator) : MlPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>EP-06: the motive a proposed saisine pre-selects.</summary>
    [BindProperty(SupportsGet = true)]
    public MotifSaisine? Motif { get; set; }

    [BindProperty]
    public TypeAccompagnement? TypeAccompagnement { get; set; }

    [BindProperty]
    public DateOnly? DateDebut { get; set; }

    [BindProperty]
    public FormulaireCer Contrat { get; set; } = new();

    [BindProperty]
    public string? Signature { get; set; }

    [BindProperty]
    public IFormFile? Scan { get; set; }

    [BindProperty]
    public DateOnly? Le { get; set; }

    [BindProperty]
    public int? Duree { get; set; }

    [BindProperty]
    public bool ApresSanction { get; set; }

    [BindProperty]
    public TypeAccompagnement? TypeCible { get; set; }

    [BindProperty]
    public string? StructureCible { get; set; }

    [BindProperty]
    public string? CommentaireInsertion { get; set; }

    public EnteteDossier Entete { get; private set; } = null!;

    public VueRsa Vue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ChargerAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostOuvrirAsync(CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new OuvrirParcoursCommand(Id, TypeAccompagnement ?? Domain.Insertion.TypeAccompagnement.Inconnu, null, DateDebut), ct).AsTask(), string.Empty,
            "Parcours d'insertion ouvert, avec son « RSA 1er contrat » à rédiger.", ct);

    public Task<IActionResult> OnPostCreerAsync(TypeCer? type, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new CreerCerCommand(Id, type, Le, Duree), ct).AsTask(), string.Empty,
            "Contrat créé : rédigez-le avec le bénéficiaire.", ct);

    public Task<IActionResult> OnPostSaisirAsync(Guid cerId, int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new SaisirCerCommand(cerId, version, Contrat.Contenu, Contrat.ActionsSaisies, Contrat.Type, Contrat.Debut, Contrat.DureeAutre ?? Contrat.Duree), ct).AsTask(),
            nameof(Contrat), "Contrat enregistré : il peut être signé.", ct);

    public Task<IActionResult> OnPostSignerAsync(Guid cerId, int version, bool beneficiaire, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new SignerCerCommand(cerId, version, beneficiaire, Signature), ct).AsTask(), string.Empty,
            beneficiaire ? "Signature du bénéficiaire enregistrée : au référent de signer." : "Contrat signé par les deux parties : validez-le ou soumettez-le.", ct);

    public async Task<IActionResult> OnPostSignerPapierAsync(Guid cerId, int version, CancellationToken ct)
    {
        byte[] octets = [];
        if (Scan is { Length: > 0 })
        {
            using var ms = new MemoryStream();
            await Scan.CopyToAsync(ms, ct);
            octets = ms.ToArray();
        }

        return await EnvoyerAsync(() => Mediator.Send(new SignerCerSurPapierCommand(cerId, version, Scan?.FileName ?? "scan", octets), ct).AsTask(), string.Empty,
            "Contrat signé sur papier : la copie numérisée est conservée dans les documents.", ct, "Scan");
    }

    public Task<IActionResult> OnPostValiderAsync(Guid cerId, int version, bool soumettre, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new ValiderCerCommand(cerId, version, soumettre), ct).AsTask(), string.Empty,
            soumettre ? "Contrat soumis à la validation du département." : "Contrat validé : le PDF signé est conservé dans les documents.", ct);

    public Task<IActionResult> OnPostRenouvelerAsync(Guid cerId, int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new RenouvelerCerCommand(cerId, version, Le, Duree), ct).AsTask(), "Renouvellement",
            "Contrat clôturé ; le renouvellement est à rédiger.", ct);

    public Task<IActionResult> OnPostAvenantAsync(Guid cerId, int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new FaireAvenantCommand(cerId, version, Le, Duree, ApresSanction), ct).AsTask(), "Avenant",
            "Avenant créé avec le contenu du contrat : modifiez-le, puis faites-le signer.", ct);

    public Task<IActionResult> OnPostReprendreAsync(Guid cerId, int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new ReprendreCerCommand(cerId, version), ct).AsTask(), string.Empty,
            "Contrat repris : corrigez-le avec le bénéficiaire, puis faites-le signer.", ct);

    public Task<IActionResult> OnPostSaisineAsync(CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new SaisirEpCommand(Id, Motif, TypeCible, StructureCible, CommentaireInsertion), ct).AsTask(), string.Empty,
            "Saisine de l'équipe pluridisciplinaire enregistrée, à valider par le département ; l'avis au bénéficiaire est dans les documents.", ct);

    public Task<IActionResult> OnPostCommenterAsync(Guid saisineId, int version, CancellationToken ct) =>
        EnvoyerAsync(() => Mediator.Send(new CommenterSaisineCommand(saisineId, version, CommentaireInsertion), ct).AsTask(), string.Empty,
            "Commentaire insertion enregistré.", ct);

    private async Task<IActionResult> EnvoyerAsync<T>(Func<Task<T>> action, string prefixe, string message, CancellationToken ct, string? champFichier = null)
    {
        await TenterAsync(action, prefixe);
        if (ModelState.IsValid)
        {
            TempData["Message"] = message;
            return Redirect($"/Jeunes/Dossier/{Id}/rsa");
        }

        if (champFichier is not null && ModelState.TryGetValue("Fichier", out var fichier))
        {
            // The use case speaks of « Fichier »; the page's input is the scan.
            foreach (var e in fichier.Errors.ToList())
            {
                ModelState.AddModelError(champFichier, e.ErrorMessage);
            }

            ModelState.Remove("Fichier");
        }

        return await ChargerAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken ct)
    {
        try
        {
            Entete = await Mediator.Send(new ConsulterEnteteQuery(Id, "Consultation du parcours RSA"), ct);
            Vue = await Mediator.Send(new ConsulterRsaQuery(Id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>The CER form: type, dates, the six rubrics and the actions d'insertion (blank lines ignored).</summary>
    public sealed class FormulaireCer
    {
        public TypeCer? Type { get; set; }

        public DateOnly? Debut { get; set; }

        public int? Duree { get; set; }

        public int? DureeAutre { get; set; }

        public string? Perspectives { get; set; }

        public string? Atouts { get; set; }

        public string? Defis { get; set; }

        public string? Observation { get; set; }

        public string? Engagements { get; set; }

        public string? RythmeRencontres { get; set; }

        public List<LigneAction> Actions { get; set; } = [];

        public ContenuCer Contenu => new(Perspectives, Atouts, Defis, Observation, Engagements, RythmeRencontres);

        /// <summary>A rubric as typed, to show it back after a refusal.</summary>
        public string? Valeur(string champ) => Contenu.Champs.FirstOrDefault(c => c.Champ == champ).Valeur;

        public IReadOnlyList<ActionSaisie> ActionsSaisies => Actions.Where(a => !string.IsNullOrWhiteSpace(a.Code))
            .Select(a => new ActionSaisie(a.Code!, a.Debut ?? Debut ?? DateOnly.MinValue, a.Echeance, a.SessionId)).ToList();
    }

    public sealed class LigneAction
    {
        public string? Code { get; set; }

        public DateOnly? Debut { get; set; }

        public DateOnly? Echeance { get; set; }

        public Guid? SessionId { get; set; }
    }
}
