using Mediator;
using Microsoft.AspNetCore.Mvc;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.AjouterRessource;
using MissionLocale.Application.Jeunes.ChangerAdresse;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Application.Jeunes.ConsulterDossier;
using MissionLocale.Application.Jeunes.ConsulterHistorique;
using MissionLocale.Application.Jeunes.EnregistrerDeces;
using MissionLocale.Application.Jeunes.EnregistrerPermis;
using MissionLocale.Application.Jeunes.JustifierIdentite;
using MissionLocale.Application.Jeunes.ModifierComplements;
using MissionLocale.Application.Jeunes.ModifierContacts;
using MissionLocale.Application.Jeunes.ModifierIdentite;
using MissionLocale.Application.Jeunes.ModifierMobilite;
using MissionLocale.Application.Jeunes.ModifierNir;
using MissionLocale.Application.Jeunes.ModifierReferent;
using MissionLocale.Application.Reference.ListerChoix;
using MissionLocale.Application.Reference.RechercherCommunes;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Web.Pages.Jeunes;

/// <summary>The jeune's dossier with its tabs; each form sends one use case with the version it was loaded at.</summary>
public sealed class DossierModel(IMediator mediator, ICurrentUser user) : MlPageModel(mediator)
{
    public static readonly (string Cle, string Titre)[] Onglets =
    [
        ("identite", "Identité"), ("coordonnees", "Coordonnées"), ("complements", "Compléments"),
        ("referent", "Référent"), ("mobilite", "Mobilité"), ("historique", "Historique"),
    ];

    /// <summary>The dossier's tabs: the parts of the dossier, then its follow-up and documents (pages of their own).</summary>
    public static IEnumerable<(string Cle, string Titre, string Url)> Liens(Guid id) =>
        Onglets.Take(Onglets.Length - 1).Select(o => (o.Cle, o.Titre, $"/Jeunes/Dossier/{id}?onglet={o.Cle}"))
            .Append(("cursus", "Cursus", $"/Jeunes/Dossier/{id}/cursus"))
            .Append((Onglets[^1].Cle, Onglets[^1].Titre, $"/Jeunes/Dossier/{id}?onglet={Onglets[^1].Cle}"))
            .Append(("suivi", "Suivi", $"/Jeunes/Dossier/{id}/suivi"))
            .Append(("dispositifs", "Dispositifs", $"/Jeunes/Dossier/{id}/dispositifs"))
            .Append(("ppae", "PPAE", $"/Jeunes/Dossier/{id}/ppae"))
            .Append(("rsa", "RSA", $"/Jeunes/Dossier/{id}/rsa"))
            .Append(("allocations", "Allocations", $"/Jeunes/Dossier/{id}/allocations"))
            .Append(("documents", "Documents", $"/Jeunes/Dossier/{id}/documents"));

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Onglet { get; set; } = "identite";

    [BindProperty]
    public ModifierIdentiteCommand Identite { get; set; } = new();

    [BindProperty]
    public JustifierIdentiteCommand? Justification { get; set; }

    [BindProperty]
    public ModifierNirCommand? NirSaisie { get; set; }

    [BindProperty]
    public ModifierContactsCommand Contacts { get; set; } = new();

    [BindProperty]
    public ChangerAdresseCommand Adresse { get; set; } = new();

    [BindProperty]
    public ModifierComplementsCommand Complements { get; set; } = new();

    [BindProperty]
    public AjouterRessourceCommand? Ressource { get; set; }

    [BindProperty]
    public ModifierReferentCommand? Referent { get; set; }

    [BindProperty]
    public ModifierMobiliteCommand? Mobilite { get; set; }

    [BindProperty]
    public EnregistrerPermisCommand? PermisSaisie { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public DossierDto Dossier { get; private set; } = new();

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public IReadOnlyList<UtilisateurResume> Conseillers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Nom)> Antennes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Nom)> Pays { get; private set; } = [];

    public IReadOnlyList<CommuneDto> Communes { get; private set; } = [];

    public bool Peut(Droit droit) => MatriceDroits.A(user.Profil, droit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ChargerAsync(preremplir: true, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public Task<IActionResult> OnPostIdentiteAsync(CancellationToken ct) => Envoyer(Identite with { JeuneId = Id }, nameof(Identite), "identite", ct);

    public Task<IActionResult> OnPostJustifierAsync(CancellationToken ct) => Envoyer(Justification! with { JeuneId = Id }, nameof(Justification), "identite", ct);

    public Task<IActionResult> OnPostNirAsync(CancellationToken ct) => Envoyer(NirSaisie! with { JeuneId = Id }, nameof(NirSaisie), "identite", ct);

    public DateOnly? DateDecesSaisie { get; private set; }

    /// <summary>JEU-07: the death, confirmed (it closes the open dispositifs).</summary>
    public async Task<IActionResult> OnPostDecesAsync(DateOnly? dateDeces, bool confirmerDeces, CancellationToken ct)
    {
        DateDecesSaisie = dateDeces;
        if (dateDeces is null)
        {
            ModelState.AddModelError("DateDeces", "La date du décès est obligatoire.");
        }

        if (!confirmerDeces)
        {
            ModelState.AddModelError("ConfirmerDeces", "Cochez la confirmation : les dispositifs ouverts seront clôturés.");
        }

        return await Envoyer(new EnregistrerDecesCommand(Id, Version, dateDeces ?? default), string.Empty, "identite", ct);
    }

    public Task<IActionResult> OnPostCertifierNirAsync(CancellationToken ct) => Envoyer(new CertifierNirCommand(Id, Version), nameof(NirSaisie), "identite", ct);

    public Task<IActionResult> OnPostContactsAsync(CancellationToken ct) => Envoyer(Contacts with { JeuneId = Id }, nameof(Contacts), "coordonnees", ct);

    public Task<IActionResult> OnPostAdresseAsync(CancellationToken ct) => Envoyer(Adresse with { JeuneId = Id }, nameof(Adresse), "coordonnees", ct);

    public Task<IActionResult> OnPostNpaiAsync(bool npai, CancellationToken ct) => Envoyer(new MarquerNpaiCommand(Id, Version, npai), nameof(Adresse), "coordonnees", ct);

    public Task<IActionResult> OnPostComplementsAsync(CancellationToken ct) => Envoyer(Complements with { JeuneId = Id }, nameof(Complements), "complements", ct);

    public Task<IActionResult> OnPostRessourceAsync(CancellationToken ct) => Envoyer(Ressource! with { JeuneId = Id }, nameof(Ressource), "complements", ct);

    public Task<IActionResult> OnPostReferentAsync(CancellationToken ct) => Envoyer(Referent! with { JeuneId = Id }, nameof(Referent), "referent", ct);

    public Task<IActionResult> OnPostMobiliteAsync(CancellationToken ct) =>
        Envoyer(Mobilite! with { JeuneId = Id, MoyensTransport = Mobilite.MoyensTransport ?? [] }, nameof(Mobilite), "mobilite", ct);

    public Task<IActionResult> OnPostPermisAsync(CancellationToken ct) => Envoyer(PermisSaisie! with { JeuneId = Id }, nameof(PermisSaisie), "mobilite", ct);

    private async Task<IActionResult> Envoyer(ICommand<DossierModifie> command, string prefixe, string onglet, CancellationToken ct)
    {
        Onglet = onglet;
        if (ModelState.IsValid)
        {
            var r = await TenterAsync(() => Mediator.Send(command, ct).AsTask(), prefixe);
            if (r is not null)
            {
                TempData["Message"] = r.QpvCode is null
                    ? "Modification enregistrée."
                    : $"Modification enregistrée. La nouvelle adresse est dans le QPV « {r.QpvNom} » ({r.QpvCode}) : le dispositif QPV est proposé (QPV-02).";
                return Redirect($"/Jeunes/Dossier/{Id}?onglet={onglet}");
            }
        }

        return await ChargerAsync(preremplir: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(bool preremplir, CancellationToken ct)
    {
        try
        {
            Dossier = await Mediator.Send(new ConsulterDossierQuery(Id, $"Consultation du dossier ({Onglet})"), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (Onglet == "historique" && Peut(Droit.ConsulterHistorique))
        {
            Historique = await Mediator.Send(new ConsulterHistoriqueQuery(Id), ct);
        }

        Conseillers = await Mediator.Send(new ListerUtilisateursQuery(Profil.Conseiller), ct);
        Antennes = (await Mediator.Send(new ListerAntennesQuery(), ct)).Select(a => (a.Valeur, a.Libelle)).ToList();
        Pays = (await Mediator.Send(new ListerPaysQuery(), ct)).Select(p => (p.Valeur, p.Libelle)).ToList();
        if (!string.IsNullOrWhiteSpace(Adresse.CodePostal))
        {
            Communes = await Mediator.Send(new RechercherCommunesQuery(Adresse.CodePostal, null), ct);
        }

        if (preremplir)
        {
            var d = Dossier;
            Version = d.Version;
            Identite = new ModifierIdentiteCommand
            {
                Version = d.Version,
                Civilite = d.Civilite,
                Nom = d.Nom,
                NomNaissance = d.NomNaissance,
                Prenom = d.Prenom,
                DateNaissance = d.DateNaissance,
                NeALEtranger = d.NeALEtranger,
                PaysNaissanceCode = d.PaysNaissanceCode,
                CommuneNaissanceInsee = d.CommuneNaissanceInsee,
                Nationalite = d.Nationalite,
                SituationFamiliale = d.SituationFamiliale,
                EnfantsACharge = d.EnfantsACharge,
                ModeGarde = d.ModeGarde,
                Recense = d.Recense,
                JdcEffectuee = d.JdcEffectuee,
            };
            Justification = new JustifierIdentiteCommand(Id, d.Version, d.PieceJustificative ?? PieceJustificative.CarteNationaleIdentite);
            NirSaisie = new ModifierNirCommand(Id, d.Version, d.Nir, d.PasDeNir);
            Contacts = new ModifierContactsCommand
            {
                Version = d.Version,
                Email = d.Email,
                TelephoneMobile = d.TelephoneMobile,
                MobileJoignable = d.MobileJoignable,
                TelephoneFixe = d.TelephoneFixe,
                FixeJoignable = d.FixeJoignable,
                CommentaireContact = d.CommentaireContact,
            };
            Adresse = new ChangerAdresseCommand { Version = d.Version };
            Complements = new ModifierComplementsCommand
            {
                Version = d.Version,
                CouvertureSociale = d.CouvertureSociale,
                CouvertureComplementaire = d.CouvertureComplementaire,
                Rsa = d.Rsa,
                Rqth = d.Rqth,
                RqthCategorie = d.RqthCategorie,
                InscritFranceTravail = d.InscritFranceTravail,
                IdentifiantFt = d.IdentifiantFt,
                NumeroAgdref = d.NumeroAgdref,
                FinTitreSejour = d.FinTitreSejour,
            };
            Ressource = new AjouterRessourceCommand(Id, d.Version, TypeRessource.Salaire, 0m, DateOnly.FromDateTime(Horloge.GetLocalNow().DateTime), null);
            Referent = new ModifierReferentCommand(Id, d.Version, d.ConseillerReferentId, d.AntenneId, d.OrigineVenue, d.SavoirsDeBase);
            Mobilite = new ModifierMobiliteCommand(Id, d.Version, d.RayonMobilite, d.MoyensTransport, d.MoyenPrincipal);
            PermisSaisie = new EnregistrerPermisCommand(Id, d.Version, "B", EtapePermis.Code, null);
        }

        return true;
    }
}
