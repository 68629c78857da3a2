namespace MissionLocale.Application.Documents.GererDocuments;

public sealed record Fichier(string Nom, string TypeMime, byte[] Contenu);
