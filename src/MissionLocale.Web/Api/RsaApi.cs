using Mediator;
using Microsoft.AspNetCore.Identity;
using MissionLocale.Application.Documents.VerifierDocument;
using MissionLocale.Application.Insertion;
using MissionLocale.Application.Insertion.CommenterSaisine;
using MissionLocale.Application.Insertion.ConsulterRsa;
using MissionLocale.Application.Insertion.CreerCer;
using MissionLocale.Application.Insertion.DeciderCer;
using MissionLocale.Application.Insertion.DeciderSaisine;
using MissionLocale.Application.Insertion.FaireAvenant;
using MissionLocale.Application.Insertion.ListerValidationsRsa;
using MissionLocale.Application.Insertion.OuvrirParcours;
using MissionLocale.Application.Insertion.RenouvelerCer;
using MissionLocale.Application.Insertion.ReprendreCer;
using MissionLocale.Application.Insertion.SaisirCer;
using MissionLocale.Application.Insertion.SaisirEp;
using MissionLocale.Application.Insertion.SignerCer;
using MissionLocale.Application.Insertion.SignerCerSurPapier;
using MissionLocale.Application.Insertion.ValiderCer;
using MissionLocale.Domain.Insertion;

namespace MissionLocale.Web.Api;

/// <summary>CER-01 to CER-08, EP-01 to EP-06: the RSA référent's work and the département's validation (docs/rsa.md).</summary>
public static class RsaApi
{
    public sealed record ParcoursBody(TypeAccompagnement TypeAccompagnement, Guid? IntervenantPrincipalId, DateOnly? DateDebut);

    public sealed record NouveauCerBody(TypeCer? Type, DateOnly? Debut, int? DureeMois);

    public sealed record ContenuBody(int Version, ContenuCer Contenu, IReadOnlyList<ActionSaisie>? Actions, TypeCer? Type, DateOnly? Debut, int? DureeMois);

    public sealed record SignatureBody(int Version, bool Beneficiaire, string? Signature);

    public sealed record SignaturePapierBody(int Version, string? NomFichier, string? ScanBase64);

    public sealed record ValidationBody(int Version, bool Soumettre);

    public sealed record DecisionCerBody(int Version, bool Valider, string? Motif);

    public sealed record RenouvellementBody(int Version, DateOnly? Le, int? DureeMois);

    public sealed record AvenantBody(int Version, DateOnly? Debut, int? DureeMois, bool ApresSanction);

    public sealed record VersionBody(int Version);

    public sealed record SaisineBody(MotifSaisine? Motif, TypeAccompagnement? TypeCible, string? StructureCible, string? CommentaireInsertion);

    public sealed record CommentaireBody(int Version, string? CommentaireInsertion);

    public sealed record DecisionSaisineBody(int Version, ActionSaisine? Action, string? Commission, DateOnly? DateCommission, string? CommentaireValidation, string? Decision, bool SanctionActive);

    public sealed record Cree(Guid Id);

    public sealed record NouvelleVersion(int Version);

    public static void MapRsaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ProblemeFilter>().WithTags("RSA : CER et saisines EP")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());

        api.MapGet("/jeunes/{id:guid}/rsa", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ConsulterRsaQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Le parcours d'insertion, ses contrats, les saisines EP et celles qu'une absence propose (CER-01, EP-06).");
        api.MapPost("/jeunes/{id:guid}/rsa/parcours", async (Guid id, ParcoursBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/rsa", new Cree(await m.Send(new OuvrirParcoursCommand(id, b.TypeAccompagnement, b.IntervenantPrincipalId, b.DateDebut), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Ouvre le parcours d'insertion avec son « RSA 1er contrat » vide ; répond l'id du contrat (CER-01).");
        api.MapPost("/jeunes/{id:guid}/rsa/cers", async (Guid id, NouveauCerBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/rsa", new Cree(await m.Send(new CreerCerCommand(id, b.Type, b.Debut, b.DureeMois), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Crée un contrat « RSA reprise versement » ou « RSA réouverture droit » (type verrouillé, levée cochée, CER-02).");
        api.MapPut("/cers/{id:guid}", async (Guid id, ContenuBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new SaisirCerCommand(id, b.Version, b.Contenu, b.Actions, b.Type, b.Debut, b.DureeMois), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Saisit le type, les dates, le contenu et les actions d'insertion d'un contrat non signé (CER-02 à CER-05).");
        api.MapPost("/cers/{id:guid}/signatures", async (Guid id, SignatureBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new SignerCerCommand(id, b.Version, b.Beneficiaire, b.Signature), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Signature dessinée (image PNG en data URL) : le bénéficiaire, puis le référent (CER-06).");
        api.MapPost("/cers/{id:guid}/signature-papier", async (Guid id, SignaturePapierBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new SignerCerSurPapierCommand(id, b.Version, b.NomFichier ?? "scan", Rsa.Octets(b.ScanBase64) ?? []), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Signé sur papier par les deux parties : la copie numérisée (PDF ou image, en base64) est conservée (CER-06).");
        api.MapPost("/cers/{id:guid}/validation", async (Guid id, ValidationBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new ValiderCerCommand(id, b.Version, b.Soumettre), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("« Valider » (le PDF signé est archivé, CER-08) ou « Soumettre pour validation » au département (CER-06).");
        api.MapPost("/cers/{id:guid}/decision", async (Guid id, DecisionCerBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new DeciderCerCommand(id, b.Version, b.Valider, b.Motif), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Le validateur du département valide (PDF archivé) ou refuse avec un motif un contrat soumis (CER-06, CER-08).");
        api.MapPost("/cers/{id:guid}/renouvellement", async (Guid id, RenouvellementBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new Cree(await m.Send(new RenouvelerCerCommand(id, b.Version, b.Le, b.DureeMois), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Clôt le contrat en vigueur à la date donnée et crée le suivant, vide (CER-07).");
        api.MapPost("/cers/{id:guid}/avenants", async (Guid id, AvenantBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new Cree(await m.Send(new FaireAvenantCommand(id, b.Version, b.Debut, b.DureeMois, b.ApresSanction), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Avenant à un contrat validé, qui en copie le contenu et les actions (CER-07).");
        api.MapPost("/cers/{id:guid}/reprise", async (Guid id, VersionBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new Cree(await m.Send(new ReprendreCerCommand(id, b.Version), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Reprend un contrat refusé : clôturé, son contenu recopié dans un nouveau contrat à corriger (CER-07).");
        api.MapPost("/jeunes/{id:guid}/saisines-ep", async (Guid id, SaisineBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/jeunes/{id}/rsa", new Cree(await m.Send(new SaisirEpCommand(id, b.Motif, b.TypeCible, b.StructureCible, b.CommentaireInsertion), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Saisit l'équipe pluridisciplinaire ; l'avis au bénéficiaire est ajouté aux documents (EP-01, EP-02, EP-05).");
        api.MapPut("/saisines-ep/{id:guid}/commentaire", async (Guid id, CommentaireBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new CommenterSaisineCommand(id, b.Version, b.CommentaireInsertion), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Le commentaire insertion du référent, seul modifiable jusqu'à la commission (EP-04).");
        api.MapPost("/saisines-ep/{id:guid}/decision", async (Guid id, DecisionSaisineBody b, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(new NouvelleVersion(await m.Send(new DeciderSaisineCommand(id, b.Version, b.Action, b.Commission, b.DateCommission, b.CommentaireValidation, b.Decision, b.SanctionActive), ct))))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Le validateur du département inscrit en EP, refuse, enregistre la décision de la commission ou lève la sanction (EP-03, EP-05).");
        api.MapGet("/rsa/validations", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListerValidationsRsaQuery(), ct)))
            .WithSummary("Ce qui attend le validateur du département : contrats soumis, saisines à valider, inscrites ou sous sanction (CER-06, EP-03).");
        api.MapGet("/documents/{id:guid}/empreinte", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new VerifierDocumentQuery(id), ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Le SHA-256 d'un document conservé (CER-08).");
        api.MapPost("/documents/{id:guid}/verification", async (Guid id, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                using var ms = new MemoryStream();
                await request.Body.CopyToAsync(ms, ct);
                return TypedResults.Ok(await m.Send(new VerifierDocumentQuery(id, ms.ToArray()), ct));
            })
            .Accepts<byte[]>("application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Compare une copie (corps brut) au document conservé : conforme seulement si elle est identique octet pour octet (CER-08).");
    }
}
