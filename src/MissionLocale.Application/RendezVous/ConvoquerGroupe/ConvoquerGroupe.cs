using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Application.Documents.GenererConvocation;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;
using RendezVousEntity = MissionLocale.Domain.RendezVous.RendezVous;

namespace MissionLocale.Application.RendezVous.ConvoquerGroupe;

/// <summary>
/// RDV-01 / RDV-03: convokes the jeunes ticked in a list (PIL-02) to one rendez-vous (an information collective, an
/// atelier, a common slot): a rendez-vous per jeune, its convocation letter stored in each dossier, all the letters in
/// one PDF to print. <see cref="ConvocationGroupeeId"/> is chosen by the client when the form is shown, so a second
/// submission (double click, retry) finds the first and changes nothing.
/// </summary>
[Requires(Droit.PlanifierRendezVous)]
public sealed record ConvoquerGroupeCommand : ICommand<ConvocationGroupee>, ITransactional
{
    public Guid ConvocationGroupeeId { get; init; }

    public IReadOnlyList<Guid> Jeunes { get; init; } = [];

    public NatureRendezVous Nature { get; init; } = NatureRendezVous.InformationCollective;

    public Modalite Modalite { get; init; } = Modalite.SurPlace;

    public string Objet { get; init; } = string.Empty;

    /// <summary>Defaults to the current user.</summary>
    public Guid? IntervenantId { get; init; }

    public Guid? AntenneId { get; init; }

    public string? Lieu { get; init; }

    public DateTimeOffset Debut { get; init; }

    public int? DureeMinutes { get; init; }

    public string? Commentaire { get; init; }

    public bool RappelEmail { get; init; } = true;

    public bool RappelSms { get; init; } = true;

    /// <summary>RDV-01: set after the user saw the intervenant's other rendez-vous on the slot and chose to keep them.</summary>
    public bool ConfirmerChevauchement { get; init; }
}

/// <param name="Convoques">Rendez-vous planned.</param>
/// <param name="Courriers">Letters stored in the dossiers (and in the PDF to print).</param>
/// <param name="Ecartes">Jeunes without a letter or without a rendez-vous, each with why (JEU-05, JEU-07).</param>
/// <param name="DejaEnvoyee">True when this convocation had already been sent: nothing was changed.</param>
public sealed record ConvocationGroupee(Guid ConvocationGroupeeId, int Convoques, int Courriers, IReadOnlyList<string> Ecartes, bool DejaEnvoyee);

public sealed class ConvoquerGroupeValidator : AbstractValidator<ConvoquerGroupeCommand>
{
    /// <summary>A convocation is for a group one can receive (a room, an atelier); larger lists are split (docs/pilotage.md).</summary>
    public const int Maximum = 200;

    public ConvoquerGroupeValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.ConvocationGroupeeId).NotEmpty().WithMessage("Identifiant de convocation manquant : rechargez la page.");
        RuleFor(x => x.Jeunes).NotEmpty().WithMessage("Sélectionnez au moins un jeune dans la liste.");
        RuleFor(x => x.Jeunes).Must(j => j.Count <= Maximum)
            .WithMessage($"Une convocation groupée porte sur {Maximum} jeunes au plus : affinez la liste ou découpez la sélection.");
        RuleFor(x => x.IntervenantId).UtilisateurDeLaStructure(db);
        RuleFor(x => x.AntenneId).AntenneDeLaStructure(db);
        RuleFor(x => x.Objet).NotEmpty().WithMessage("L'objet du rendez-vous est obligatoire.").MaximumLength(200).WithMessage("L'objet ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.Commentaire).MaximumLength(RendezVousEntity.LongueurCommentaireMax).WithMessage($"Le commentaire ne peut pas dépasser {RendezVousEntity.LongueurCommentaireMax} caractères (RDV-01).");
        // Separate rules: a When applies to every validator before it in the same rule, "obligatoire" included.
        RuleFor(x => x.Debut).Must(d => d != default).WithMessage("La date et l'heure sont obligatoires.");
        RuleFor(x => x.Debut).Must(d => d >= clock.GetUtcNow()).When(x => x.Debut != default).WithMessage("Une convocation se fait pour un rendez-vous à venir.");
        RuleFor(x => x.DureeMinutes).NotNull().WithMessage("La durée est obligatoire.");
        RuleFor(x => x.DureeMinutes).InclusiveBetween(5, 720).When(x => x.DureeMinutes is not null).WithMessage("La durée va de 5 minutes à 12 heures.");
        RuleFor(x => x.Nature).IsInEnum().WithMessage("Nature inconnue.");
        RuleFor(x => x.Modalite).IsInEnum().WithMessage("Modalité inconnue.");
        RuleFor(x => x.Lieu).MaximumLength(200).WithMessage("Le lieu ne peut pas dépasser 200 caractères.");
        RuleFor(x => x.IntervenantId).MustAsync(async (id, ct) => await db.Utilisateurs.AnyAsync(u => u.Id == id && u.Actif, ct))
            .When(x => x.IntervenantId is not null).WithMessage("L'intervenant doit être un utilisateur actif de la structure.");
    }
}

public sealed class ConvoquerGroupeHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<ConvoquerGroupeCommand, ConvocationGroupee>
{
    public async ValueTask<ConvocationGroupee> Handle(ConvoquerGroupeCommand c, CancellationToken cancellationToken)
    {
        var intervenant = c.IntervenantId ?? user.UtilisateurId;
        var fin = c.Debut.AddMinutes(c.DureeMinutes ?? 0);

        // RDV-01: one agenda at a time; the same convocation sent twice (double click, 20 retries) finds the first.
        await Agenda.VerrouillerAsync(db, intervenant, cancellationToken);
        var deja = await db.RendezVous.CountAsync(r => r.ConvocationGroupeeId == c.ConvocationGroupeeId, cancellationToken);
        if (deja > 0)
        {
            var courriers = await db.Documents.CountAsync(d => db.RendezVous.Any(r => r.ConvocationGroupeeId == c.ConvocationGroupeeId && r.Id == d.RendezVousId), cancellationToken);
            return new ConvocationGroupee(c.ConvocationGroupeeId, deja, courriers, [], DejaEnvoyee: true);
        }

        var ids = c.Jeunes.Distinct().ToList();

        // Another structure's dossier (or a made-up id) is "not found", never a hint that it exists.
        var jeunes = await db.Jeunes.Include(j => j.Adresses).AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        if (jeunes.Count != ids.Count)
        {
            throw new NotFoundException("Un des dossiers sélectionnés est introuvable : relancez la recherche.");
        }

        if (!c.ConfirmerChevauchement)
        {
            await Agenda.VerifierChevauchementAsync(db, clock, intervenant, c.Debut, fin,
                "L'intervenant a déjà des rendez-vous sur ce créneau. Choisissez un autre horaire, ou confirmez pour les garder.",
                nameof(ConvoquerGroupeCommand.ConfirmerChevauchement), cancellationToken);
        }

        var saisie = new SaisieRendezVous(c.Nature, c.Modalite, c.Objet, intervenant, c.AntenneId ?? user.AntenneId, c.Lieu, c.Debut, fin, c.Commentaire, c.RappelEmail, c.RappelSms);
        var lettres = MatriceDroits.A(user.Profil, Droit.GererDocuments);
        var convocations = new Convocations(db, clock);
        var ecartes = new List<string>();
        int convoques = 0, courriersCrees = 0;
        foreach (var jeune in ids.Select(id => jeunes[id]).OrderBy(j => j.NomUsage).ThenBy(j => j.Prenom))
        {
            // JEU-07: no rendez-vous nor letter for a deceased jeune; JEU-05: an NPAI address gets the rendez-vous, not the letter.
            var courrier = new Jeu05CourrierPossible(jeune);
            if (jeune.DateDeces is not null)
            {
                ecartes.Add($"{jeune.NomUsage} {jeune.Prenom} : non convoqué(e). {courrier.Message} [{courrier.Id}]");
                continue;
            }

            var rdv = new RendezVousEntity(user.StructureId, jeune.Id, saisie, c.ConvocationGroupeeId);
            db.RendezVous.Add(rdv);
            convoques++;
            if (!lettres)
            {
                continue;
            }

            if (courrier.IsBroken())
            {
                ecartes.Add($"{jeune.NomUsage} {jeune.Prenom} : rendez-vous planifié, sans courrier. {courrier.Message} [{courrier.Id}]");
                continue;
            }

            var lettre = await convocations.ComposerAsync(jeune, rdv, cancellationToken);
            db.Documents.Add(new Document(user.StructureId, jeune.Id, CategorieDocument.Convocation, $"Convocation {clock.Local(rdv.Debut):yyyy-MM-dd HHmm} {jeune.NomUsage}.pdf",
                "application/pdf", pdf.Rendre([lettre]), user.UtilisateurId, clock.GetUtcNow(), rdv.Id));
            courriersCrees++;
        }

        // PPAE-02: the convoked jeunes waiting for a rendez-vous in cotraitance now wait for their entretien.
        await Cotraitance.Cotraitance.RendezVousPlanifiesAsync(db, db.RendezVous.Local.Where(r => r.ConvocationGroupeeId == c.ConvocationGroupeeId).Select(r => r.JeuneId).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ConvocationGroupee(c.ConvocationGroupeeId, convoques, courriersCrees, ecartes, DejaEnvoyee: false);
    }
}

/// <summary>RDV-03: the letters of one bulk convocation in one PDF to print, in the order of the names.</summary>
[Requires(Droit.GererDocuments)]
public sealed record ImprimerConvocationGroupeeQuery(Guid ConvocationGroupeeId) : IQuery<byte[]>;

public sealed class ImprimerConvocationGroupeeHandler(IAppDbContext db, TimeProvider clock, ILettresPdf pdf) : IQueryHandler<ImprimerConvocationGroupeeQuery, byte[]>
{
    public async ValueTask<byte[]> Handle(ImprimerConvocationGroupeeQuery q, CancellationToken cancellationToken)
    {
        var rdvs = await db.RendezVous.AsNoTracking().Where(r => r.ConvocationGroupeeId == q.ConvocationGroupeeId).ToListAsync(cancellationToken);
        if (rdvs.Count == 0)
        {
            throw new NotFoundException("Convocation introuvable.");
        }

        var ids = rdvs.Select(r => r.JeuneId).ToList();
        var jeunes = await db.Jeunes.Include(j => j.Adresses).AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var lettres = new List<Lettre>();
        var convocations = new Convocations(db, clock);

        // A cancelled rendez-vous is not printed; an address that became NPAI since is not either (JEU-05).
        foreach (var r in rdvs.Where(r => r.Statut == StatutRendezVous.Planifie && jeunes[r.JeuneId].PeutRecevoirCourrier).OrderBy(r => jeunes[r.JeuneId].NomUsage).ThenBy(r => jeunes[r.JeuneId].Prenom))
        {
            lettres.Add(await convocations.ComposerAsync(jeunes[r.JeuneId], r, cancellationToken));
        }

        return pdf.Rendre(lettres);
    }
}

/// <summary>RDV-03: a bulk convocation as sent: the rendez-vous, each jeune with their letter or why there is none.</summary>
[Requires(Droit.PlanifierRendezVous)]
public sealed record ConsulterConvocationGroupeeQuery(Guid ConvocationGroupeeId) : IQuery<ConvocationGroupeeDetail>;

public sealed record ConvoqueDetail(Guid JeuneId, long Numero, string Nom, string Prenom, StatutRendezVous Statut, Guid? DocumentId, string? SansCourrier);

public sealed record ConvocationGroupeeDetail(Guid Id, string Objet, NatureRendezVous Nature, DateTimeOffset Debut, DateTimeOffset Fin, string? Lieu, string Intervenant, IReadOnlyList<ConvoqueDetail> Convoques)
{
    public int Courriers => Convoques.Count(c => c.DocumentId is not null);
}

public sealed class ConsulterConvocationGroupeeHandler(IAppDbContext db) : IQueryHandler<ConsulterConvocationGroupeeQuery, ConvocationGroupeeDetail>
{
    public async ValueTask<ConvocationGroupeeDetail> Handle(ConsulterConvocationGroupeeQuery q, CancellationToken cancellationToken)
    {
        var rdvs = await db.RendezVous.AsNoTracking().Where(r => r.ConvocationGroupeeId == q.ConvocationGroupeeId).ToListAsync(cancellationToken);
        if (rdvs.Count == 0)
        {
            throw new NotFoundException("Convocation introuvable.");
        }

        var ids = rdvs.Select(r => r.JeuneId).ToList();
        var rdvIds = rdvs.Select(r => (Guid?)r.Id).ToList();
        var jeunes = await db.Jeunes.Include(j => j.Adresses).AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var documents = (await db.Documents.Where(d => rdvIds.Contains(d.RendezVousId)).Select(d => new { d.Id, d.RendezVousId, d.CreeLe }).ToListAsync(cancellationToken))
            .ToLookup(d => d.RendezVousId);
        var premier = rdvs[0];
        var intervenant = await db.Utilisateurs.Where(u => u.Id == premier.IntervenantId).Select(u => u.Prenom + " " + u.Nom).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var convoques = rdvs.Select(r => (Rdv: r, Jeune: jeunes[r.JeuneId]))
            .OrderBy(x => x.Jeune.NomUsage).ThenBy(x => x.Jeune.Prenom)
            .Select(x =>
            {
                var document = documents[x.Rdv.Id].OrderByDescending(d => d.CreeLe).Select(d => (Guid?)d.Id).FirstOrDefault();
                var courrier = new Jeu05CourrierPossible(x.Jeune);
                return new ConvoqueDetail(x.Jeune.Id, x.Jeune.Numero, x.Jeune.NomUsage, x.Jeune.Prenom, x.Rdv.Statut, document,
                    document is null && courrier.IsBroken() ? $"{courrier.Message} [{courrier.Id}]" : null);
            })
            .ToList();
        return new ConvocationGroupeeDetail(q.ConvocationGroupeeId, premier.Objet, premier.Nature, premier.Debut, premier.Fin, premier.Lieu, intervenant, convoques);
    }
}
