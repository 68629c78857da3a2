using MissionLocale.Application.Common;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Infrastructure.Persistence;

/// <summary>The identity used by start-up work (migrations, reference data) and by seeding one structure.</summary>
public sealed class SystemUser(Guid structureId = default) : ICurrentUser
{
    public bool Authentifie => structureId != Guid.Empty;

    public Guid UtilisateurId => Guid.Empty;

    public Guid StructureId => structureId;

    public Guid? AntenneId => null;

    public string Login => "système";

    public Profil Profil => Profil.Administrateur;
}
