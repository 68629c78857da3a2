using MissionLocale.Domain.Documents;

namespace MissionLocale.Application.Documents.GererDocuments;

public sealed record DocumentDto(Guid Id, CategorieDocument Categorie, string Nom, string TypeMime, int Taille, DateTimeOffset CreeLe);
