using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace MissionLocale.Application.Common;

/// <summary>
/// Ids a body may carry besides the dossier's (an intervenant, an antenne): they must belong to the user's Mission
/// Locale. Another structure's id is refused exactly like an unknown one, so nothing is learnt about it.
/// </summary>
public static class ReferencesStructure
{
    public static IRuleBuilderOptions<T, Guid?> UtilisateurDeLaStructure<T>(this IRuleBuilder<T, Guid?> regle, IAppDbContext db) =>
        regle.MustAsync(async (id, ct) => id is null || await db.Utilisateurs.AnyAsync(u => u.Id == id, ct))
            .WithMessage("Utilisateur introuvable dans votre Mission Locale : choisissez-le dans la liste.");

    public static IRuleBuilderOptions<T, Guid?> AntenneDeLaStructure<T>(this IRuleBuilder<T, Guid?> regle, IAppDbContext db) =>
        regle.MustAsync(async (id, ct) => id is null || await db.Antennes.AnyAsync(a => a.Id == id, ct))
            .WithMessage("Antenne introuvable dans votre Mission Locale : choisissez-la dans la liste.");
}
