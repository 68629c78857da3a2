using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Evenements;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.OuvrirDispositif;

/// <summary>DISP-01..04 and the entry rules of the type; warnings need <see cref="ConfirmerAvertissements"/>, recorded in the history.</summary>
[Requires(Droit.GererDispositifs)]
public sealed record OuvrirDispositifCommand(
    Guid JeuneId,
    string TypeCode,
    DateOnly DateDebut,
    DateOnly DateFinPrevue,
    Guid EvenementId,
    Guid? PrescripteurId = null,
    Guid? ReferentId = null,
    string? Pilote = null,
    Guid? OperateurAntenneId = null,
    bool ConfirmerAvertissements = false,
    string? Logement = null,
    Guid? ParrainId = null,
    DateOnly? AcceptationJeune = null,
    DateOnly? AcceptationParrain = null,
    string? PublicPao = null,
    string? Programme = null,
    string? Lycee = null,
    string? Classe = null,
    bool NePoursuitPasEtudes = false) : ICommand<Guid>, ITransactional;

public sealed class OuvrirDispositifValidator : AbstractValidator<OuvrirDispositifCommand>
{
    public OuvrirDispositifValidator()
    {
        RuleFor(x => x.TypeCode).NotEmpty().WithMessage("Choisissez le type de dispositif.");
        RuleFor(x => x.DateFinPrevue).GreaterThanOrEqualTo(x => x.DateDebut).WithMessage("La date de fin prévue ne peut pas précéder la date de début.");
        RuleFor(x => x.Pilote).MaximumLength(20).WithMessage("Le pilote ne peut pas dépasser 20 caractères.");
        RuleFor(x => x.Logement).MaximumLength(100).WithMessage("Le logement ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Lycee).MaximumLength(150).WithMessage("Le lycée ne peut pas dépasser 150 caractères.");
    }
}

public sealed class OuvrirDispositifHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<OuvrirDispositifCommand, Guid>
{
    public async ValueTask<Guid> Handle(OuvrirDispositifCommand c, CancellationToken cancellationToken)
    {
        var jeune = await db.ChargerDossierAsync(c.JeuneId, cancellationToken);

        // The type's bounds valid on the start date: a later change of the reference data does not change this decision.
        var type = ReglesDispositif.TypeValide(await db.TypeValideLeAsync(c.TypeCode, c.DateDebut, cancellationToken), c.TypeCode, c.DateDebut);
        var nature = await db.Evenements.Where(e => e.Id == c.EvenementId && e.JeuneId == c.JeuneId).Select(e => (NatureEvenement?)e.Nature).FirstOrDefaultAsync(cancellationToken);
        var dispositifs = await db.Dispositifs.Where(d => d.JeuneId == c.JeuneId).ToListAsync(cancellationToken);
        var effet = await db.ParametreAsync("PACEA-02.DateEffet", c.DateDebut, cancellationToken);

        var prescripteurConnu = c.PrescripteurId is not { } p
            || await db.Intervenants.AnyAsync(i => i.Id == p && i.Fonction == FonctionIntervenant.Prescripteur && i.Actif, cancellationToken);
        var referentConnu = c.ReferentId is not { } r
            || await db.Intervenants.AnyAsync(i => i.Id == r && i.Fonction == FonctionIntervenant.ReferentDispositif && i.Actif, cancellationToken);
        var renvoi = c.TypeCode == CodeDispositif.Re && await RenvoiVersReferentEntrepriseAsync(c.JeuneId, c.DateDebut, cancellationToken);
        var parrainConnu = c.ParrainId is { } pid && await db.Parrains.AnyAsync(x => x.Id == pid && x.Actif, cancellationToken);

        // DISP-01: the opérateur is an antenne of the structure; by default the jeune's lieu de rattachement.
        var operateur = c.OperateurAntenneId ?? jeune.AntenneId;
        ReglesDispositif.VerifierOperateur(await db.Antennes.AnyAsync(a => a.Id == operateur, cancellationToken));

        // QPV-01: the pilote comes from the reference data (configurable).
        var pilote = c.TypeCode == CodeDispositif.Qpv ? c.Pilote ?? await db.ParametreAsync("QPV-01.Pilote", c.DateDebut, cancellationToken) ?? "12-MLD" : c.Pilote;

        var (dispositif, avertissements) = OuvertureDispositif.Ouvrir(
            new ContexteOuverture(jeune, type, dispositifs, nature == NatureEvenement.EntretienIndividuel,
                effet is null ? null : DateOnly.ParseExact(effet, "yyyy-MM-dd", CultureInfo.InvariantCulture), prescripteurConnu, referentConnu, renvoi,
                new Parrainage(c.ParrainId, parrainConnu, c.AcceptationJeune, c.AcceptationParrain),
                new ProfilPaoAvp(c.PublicPao, c.Programme, await db.ParametreListeAsync("PAO-02.Programmes", c.DateDebut, cancellationToken),
                    c.Lycee, c.Classe, await db.ParametreListeAsync("AVP-01.Classes", c.DateDebut, cancellationToken), c.NePoursuitPasEtudes)),
            c.DateDebut, c.DateFinPrevue, c.EvenementId, c.PrescripteurId, c.ReferentId, pilote, operateur);

        if (avertissements.Count > 0 && !c.ConfirmerAvertissements)
        {
            throw new ConfirmationRequiseException(avertissements[0].RuleId, string.Join(" ", avertissements.Select(a => a.Message)), [], nameof(OuvrirDispositifCommand.ConfirmerAvertissements));
        }

        if (dispositif.TypeCode == CodeDispositif.Pacea)
        {
            // PACEA-09: the situation, housing, mobility and social cover at entry.
            dispositif.Relever(await db.ReleverAsync(jeune, c.DateDebut, c.Logement, cancellationToken), sortie: false);
        }

        db.Dispositifs.Add(dispositif);
        if (dispositif.TypeCode is CodeDispositif.Pacea or CodeDispositif.Cej)
        {
            await CloreLePaoAsync(dispositif, cancellationToken);
        }

        foreach (var a in avertissements)
        {
            // Every confirmed warning is kept with who and when.
            db.Historique.Add(new HistoriqueModification(user.StructureId, jeune.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, "Dispositif", "Avertissement confirmé", null, $"{a.RuleId} : {a.Message}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return dispositif.Id;
    }

    /// <summary>
    /// PAO-03: once the jeune can register at France Travail a PACEA or a CEJ may follow: the open PAO ends the day before
    /// the entry with motif "Inscription à France Travail" (recorded in the history like any change).
    /// </summary>
    private async Task CloreLePaoAsync(Domain.Dispositifs.Dispositif suivant, CancellationToken ct)
    {
        var pao = await db.Dispositifs.Include(d => d.Phases).SingleOrDefaultAsync(d => d.JeuneId == suivant.JeuneId && d.TypeCode == CodeDispositif.Pao && d.DateFinReelle == null, ct);
        if (pao is null)
        {
            return;
        }

        var aujourdhui = clock.Aujourdhui();
        var fin = suivant.DateDebut.AddDays(-1);
        fin = fin > aujourdhui ? aujourdhui : fin;
        fin = fin < pao.DateDebut ? pao.DateDebut : fin;
        var type = (await db.TypeValideLeAsync(CodeDispositif.Pao, pao.DateDebut, ct))!;
        var motif = await db.MotifsSortie.AsNoTracking().FirstAsync(m => m.TypeCode == CodeDispositif.Pao && m.Libelle == "Inscription à France Travail", ct);
        pao.Clore(fin, motif, type, aujourdhui);
    }

    /// <summary>RE-05: a proposition "renvoi vers référent entreprise" (label of the reference data) recorded for the jeune.</summary>
    private async Task<bool> RenvoiVersReferentEntrepriseAsync(Guid jeuneId, DateOnly date, CancellationToken ct)
    {
        var libelle = await db.ParametreAsync("RE-05.Proposition", date, ct);
        if (libelle is null)
        {
            return true;
        }

        // Case-insensitive equality that EF translates (LIKE with the wildcards escaped).
        var motif = libelle.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), not run in .NET: no culture involved.
        return await db.Propositions.AnyAsync(p => p.JeuneId == jeuneId && EF.Functions.Like(p.Libelle.ToLower(), motif), ct);
#pragma warning restore CA1304, CA1311
    }
}
