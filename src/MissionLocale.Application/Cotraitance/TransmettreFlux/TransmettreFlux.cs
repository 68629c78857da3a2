using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Rappels;
using MissionLocale.Domain.Cotraitance;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Cotraitance.TransmettreFlux;

/// <summary>PPAE-05: how flows reach France Travail: in the day's file downloaded by the gestionnaire, or posted one by one (HTTP).</summary>
public sealed class OptionsCotraitance
{
    /// <summary>Post each flow to the partner's endpoint (Cotraitance:Url); otherwise the flows wait for the day's file.</summary>
    public bool Http { get; init; }
}

/// <summary>PPAE-05: the partner's side of the HTTP adapter: takes one flow, or throws (the outbox retries).</summary>
public interface IPartenaireDude
{
    Task EnvoyerAsync(LigneFlux flux, CancellationToken ct);
}

/// <summary>
/// PPAE-05, HTTP adapter: the flows due are claimed (FOR UPDATE SKIP LOCKED: two nodes never take the same), posted one
/// at a time with their stable id (the partner ignores one it already has), recorded at once; an error is retried later.
/// </summary>
public sealed class TransmissionDude(IParStructure structures, IPartenaireDude partenaire, OptionsCotraitance options, TimeProvider clock)
{
    public async Task<int> TransmettreAsync(CancellationToken ct)
    {
        if (!options.Http)
        {
            return 0;
        }

        var transmis = 0;
        await structures.PourChaqueStructureAsync(async (db, structureId, c) =>
        {
            var code = await db.Structures.Where(s => s.Id == structureId).Select(s => s.Code).SingleAsync(c);
            List<FluxDude> dus;
            do
            {
                dus = await db.FluxALivrerAsync(clock.GetUtcNow(), 100, c);
                foreach (var f in dus)
                {
                    try
                    {
                        await partenaire.EnvoyerAsync(FichierFlux.Ligne(f, code), c);
                        f.Transmis(clock.GetUtcNow());
                        transmis++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        f.Echec(clock.GetUtcNow(), e.GetType().Name + ": " + e.Message);
                    }

                    // One flow at a time: what was delivered is recorded at once, so a crash never resends the batch.
                    await db.SaveChangesAsync(c);
                }
            }
            while (dus.Count == 100);
        }, ct);
        return transmis;
    }
}

public static class FichierFlux
{
    public static LigneFlux Ligne(FluxDude f, string structure) => new(f.Id, f.Type, f.IdentifiantFt, f.Nom, f.Prenom, f.DateNaissance, f.Date, f.Objet, structure);
}

/// <summary>The day's outgoing file (docs/ppae-exchange.md).</summary>
public sealed record FichierFluxDuJour(string NomFichier, byte[] Contenu, int Flux);

/// <summary>
/// PPAE-05, file adapter: the flows waiting go in the file of the day (marked delivered in it), and the file of that day
/// is returned whole: downloading it again gives the same lines, plus those produced since.
/// </summary>
[Requires(Droit.GererCotraitance)]
public sealed record ProduireFichierFluxCommand(DateOnly? Jour = null) : ICommand<FichierFluxDuJour>, ITransactional;

public sealed class ProduireFichierFluxHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ProduireFichierFluxCommand, FichierFluxDuJour>
{
    public async ValueTask<FichierFluxDuJour> Handle(ProduireFichierFluxCommand c, CancellationToken cancellationToken)
    {
        await db.VerifierGestionnaireAsync(user, cancellationToken);
        var aujourdhui = clock.Aujourdhui();
        var jour = c.Jour ?? aujourdhui;
        var maintenant = clock.GetUtcNow();
        if (jour == aujourdhui)
        {
            // Set-based: the day's flows can be tens of thousands.
            await db.FluxDude.Where(f => f.Statut == StatutFlux.EnAttente)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Statut, StatutFlux.Transmis).SetProperty(f => f.Fichier, jour).SetProperty(f => f.TransmisLe, maintenant)
                    .SetProperty(f => f.Tentatives, f => f.Tentatives + 1), cancellationToken);
        }

        var code = await db.Structures.Where(s => s.Id == user.StructureId).Select(s => s.Code).SingleAsync(cancellationToken);
        var flux = await db.FluxDude.AsNoTracking().Where(f => f.Fichier == jour).OrderBy(f => f.CreeLe).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return new FichierFluxDuJour($"flux-{code}-{jour:yyyy-MM-dd}.csv", FormatDude.EcrireFlux(flux.Select(f => FichierFlux.Ligne(f, code))), flux.Count);
    }
}
