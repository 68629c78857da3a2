using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Dispositifs;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ChangerAdresse;

public enum ModeChangementAdresse
{
    NouvelleAdresse = 0,
    DemenagementHorsTerritoire = 1,
    SansDomicileFixe = 2,
}

/// <summary>JEU-06: a new address historises the previous one; moves out of the territory and SDF as the rule says.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record ChangerAdresseCommand : ICommand<DossierModifie>, ITransactional, IModificationDossier, IChampsAdresse
{
    public Guid JeuneId { get; init; }

    public int Version { get; init; }

    public ModeChangementAdresse Mode { get; init; }

    public DateOnly? DateDebut { get; init; }

    public string? Numero { get; init; }

    public string? Voie { get; init; }

    public string? Complement { get; init; }

    public string? Batiment { get; init; }

    public string? Escalier { get; init; }

    public string? Etage { get; init; }

    public string? Appartement { get; init; }

    public string? CodePostal { get; init; }

    public string? CommuneInsee { get; init; }

    /// <summary>QPV-02: open the QPV marker on a move into a QPV (proposed, on by default).</summary>
    public bool OuvrirMarqueurQpv { get; init; } = true;
}

public sealed class ChangerAdresseValidator : AbstractValidator<ChangerAdresseCommand>
{
    public ChangerAdresseValidator(IAppDbContext db, TimeProvider clock)
    {
        RuleFor(x => x.Mode).IsInEnum().WithMessage("Type de changement d'adresse inconnu.");
        When(x => x.Mode == ModeChangementAdresse.NouvelleAdresse, () => Include(new AdresseRules<ChangerAdresseCommand>(db)));
        RuleFor(x => x.DateDebut).Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetLocalNow().Date).AddMonths(1))
            .WithMessage("La date d'effet ne peut pas dépasser un mois dans le futur.");
    }
}

public sealed class ChangerAdresseHandler(IAppDbContext db, TimeProvider clock, IZonageAdresse zonage, ICurrentUser user) : ICommandHandler<ChangerAdresseCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(ChangerAdresseCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        var aujourdhui = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var date = command.DateDebut ?? aujourdhui;
        var qpvAvant = jeune.AdresseCourante?.QpvCode;
        string? qpv = null;
        switch (command.Mode)
        {
            case ModeChangementAdresse.DemenagementHorsTerritoire:
                jeune.DemenagementHorsTerritoire(date);
                break;
            case ModeChangementAdresse.SansDomicileFixe:
                var s = await db.Structures.AsNoTracking().SingleAsync(x => x.Id == jeune.StructureId, cancellationToken);
                var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.CodeInsee == s.CommuneInsee, cancellationToken);
                jeune.SansDomicileFixe(new SaisieAdresse(null, s.AdresseVoie, null, null, null, null, null, s.CodePostal, s.CommuneInsee, commune.Nom), date);
                break;
            default:
                var saisie = await command.VersSaisieAsync(db, cancellationToken);
                qpv = await zonage.QpvAsync(saisie.CommuneInsee, saisie.Voie, date, cancellationToken);
                jeune.NouvelleAdresse(saisie, date, qpv, zrr: false);
                break;
        }

        // QPV-02: a move into a QPV opens the marker, with an interne/administratif événement; leaving the QPV closes it.
        if (qpv is not null && qpv != qpvAvant && command.OuvrirMarqueurQpv)
        {
            var evenement = new Evenement(user.StructureId, jeune.Id, NatureEvenement.InterneAdministratif, clock.InstantLocal(date, new TimeOnly(9, 0)), 5,
                user.UtilisateurId, user.AntenneId ?? jeune.AntenneId, "Déménagement en QPV : dispositif QPV (QPV-02)");
            db.Evenements.Add(evenement);
            await db.OuvrirMarqueurQpvAsync(jeune, date, evenement.Id, cancellationToken);
        }
        else if (qpv is null && qpvAvant is not null)
        {
            await db.CloreMarqueurQpvAsync(jeune.Id, date, aujourdhui, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var qpvNom = qpv is null ? null : await db.Qpvs.Where(q => q.Code == qpv).Select(q => q.Nom).FirstOrDefaultAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version, qpv, qpvNom);
    }
}

/// <summary>JEU-05: mail came back (NPAI), or the jeune confirmed the address again.</summary>
[Requires(Droit.ModifierDossier)]
public sealed record MarquerNpaiCommand(Guid JeuneId, int Version, bool Npai) : ICommand<DossierModifie>, ITransactional, IModificationDossier;

public sealed class MarquerNpaiHandler(IAppDbContext db) : ICommandHandler<MarquerNpaiCommand, DossierModifie>
{
    public async ValueTask<DossierModifie> Handle(MarquerNpaiCommand command, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerPourModificationAsync(command.JeuneId, command.Version, cancellationToken);
        jeune.MarquerNpai(command.Npai);
        await db.SaveChangesAsync(cancellationToken);
        return new DossierModifie(jeune.Id, jeune.Version);
    }
}
