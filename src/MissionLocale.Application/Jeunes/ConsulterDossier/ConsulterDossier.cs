using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Audit;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Jeunes.ConsulterDossier;

/// <summary>Reads a dossier; every read is logged (RGPD-02).</summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ConsulterDossierQuery(Guid JeuneId, string Objet = "Consultation du dossier") : IQuery<DossierDto>;

public sealed record AdresseDto(
    Guid Id, string? Numero, string Voie, string? Complement, string? Batiment, string? Escalier, string? Etage, string? Appartement,
    string CodePostal, string CommuneInsee, string CommuneNom, bool Normalisee, bool Npai, string? QpvCode, bool Zrr,
    MotifAdresse Motif, DateOnly DateDebut, DateOnly? DateFin);

public sealed record RessourceDto(Guid Id, TypeRessource Type, decimal MontantMensuel, DateOnly DateDebut, DateOnly? DateFin);

public sealed record PermisDto(Guid Id, string Categorie, EtapePermis Etape, DateOnly? DateObtention);

public sealed record DossierDto
{
    public Guid Id { get; init; }

    public long Numero { get; init; }

    public int Version { get; init; }

    public DateTimeOffset CreeLe { get; init; }

    public Civilite Civilite { get; init; }

    public string Nom { get; init; } = string.Empty;

    public string? NomNaissance { get; init; }

    public string Prenom { get; init; } = string.Empty;

    public DateOnly DateNaissance { get; init; }

    public int Age { get; init; }

    public bool NeALEtranger { get; init; }

    public string? PaysNaissanceCode { get; init; }

    public string? CommuneNaissanceInsee { get; init; }

    public string? CommuneNaissanceNom { get; init; }

    public Nationalite Nationalite { get; init; }

    public SituationFamiliale SituationFamiliale { get; init; }

    public int EnfantsACharge { get; init; }

    public ModeGarde ModeGarde { get; init; }

    public bool? Recense { get; init; }

    public bool? JdcEffectuee { get; init; }

    public bool IdentiteComplete { get; init; }

    public bool FreinGarde { get; init; }

    public PieceJustificative? PieceJustificative { get; init; }

    public DateTimeOffset? JustifieLe { get; init; }

    public string? JustifiePar { get; init; }

    public string? Nir { get; init; }

    public bool PasDeNir { get; init; }

    public bool NirCertifie { get; init; }

    public string? Email { get; init; }

    public string? TelephoneMobile { get; init; }

    public bool MobileJoignable { get; init; }

    public string? TelephoneFixe { get; init; }

    public bool FixeJoignable { get; init; }

    public string? CommentaireContact { get; init; }

    public bool PeutRecevoirCourrier { get; init; }

    public bool PeutRecevoirSms { get; init; }

    public IReadOnlyList<AdresseDto> Adresses { get; init; } = [];

    public string? CouvertureSociale { get; init; }

    public string? CouvertureComplementaire { get; init; }

    public Rsa Rsa { get; init; }

    public bool Rqth { get; init; }

    public string? RqthCategorie { get; init; }

    public bool InscritFranceTravail { get; init; }

    public string? IdentifiantFt { get; init; }

    public string? NumeroAgdref { get; init; }

    public DateOnly? FinTitreSejour { get; init; }

    public IReadOnlyList<RessourceDto> Ressources { get; init; } = [];

    public Guid? ConseillerReferentId { get; init; }

    public string? ConseillerReferent { get; init; }

    public Guid AntenneId { get; init; }

    public string? Antenne { get; init; }

    public string? OrigineVenue { get; init; }

    public SavoirsDeBase SavoirsDeBase { get; init; }

    public RayonMobilite RayonMobilite { get; init; }

    public IReadOnlyList<MoyenTransport> MoyensTransport { get; init; } = [];

    public MoyenTransport? MoyenPrincipal { get; init; }

    public IReadOnlyList<PermisDto> Permis { get; init; } = [];

    public DateTimeOffset? ConsentementLe { get; init; }

    public DateOnly? DateDeces { get; init; }
}

public sealed class ConsulterDossierHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ConsulterDossierQuery, DossierDto>
{
    public async ValueTask<DossierDto> Handle(ConsulterDossierQuery query, CancellationToken cancellationToken)
    {
        var j = await db.ChargerDossierAsync(query.JeuneId, cancellationToken);
        var aujourdhui = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var ids = new[] { j.ConseillerReferentId, j.JustifiePar }.Where(i => i is not null).Select(i => i!.Value).ToList();
        var noms = await db.Utilisateurs.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.NomAffiche, cancellationToken);
        var antenne = await db.Antennes.Where(a => a.Id == j.AntenneId).Select(a => a.Nom).FirstOrDefaultAsync(cancellationToken);
        var communeNaissance = j.CommuneNaissanceInsee is null ? null
            : await db.Communes.Where(c => c.CodeInsee == j.CommuneNaissanceInsee).Select(c => c.Nom).FirstOrDefaultAsync(cancellationToken);

        db.Consultations.Add(new ConsultationDossier(j.StructureId, j.Id, clock.GetUtcNow(), user.UtilisateurId, user.Login, query.Objet));
        await db.SaveChangesAsync(cancellationToken);

        return new DossierDto
        {
            Id = j.Id,
            Numero = j.Numero,
            Version = j.Version,
            CreeLe = j.CreeLe,
            Civilite = j.Civilite,
            Nom = j.NomUsage,
            NomNaissance = j.NomNaissance,
            Prenom = j.Prenom,
            DateNaissance = j.DateNaissance,
            Age = j.Age(aujourdhui),
            NeALEtranger = j.NeALEtranger,
            PaysNaissanceCode = j.PaysNaissanceCode,
            CommuneNaissanceInsee = j.CommuneNaissanceInsee,
            CommuneNaissanceNom = communeNaissance,
            Nationalite = j.Nationalite,
            SituationFamiliale = j.SituationFamiliale,
            EnfantsACharge = j.EnfantsACharge,
            ModeGarde = j.ModeGarde,
            Recense = j.Recense,
            JdcEffectuee = j.JdcEffectuee,
            IdentiteComplete = j.IdentiteComplete,
            FreinGarde = j.FreinGarde,
            PieceJustificative = j.PieceJustificative,
            JustifieLe = j.JustifieLe,
            JustifiePar = j.JustifiePar is { } jp ? noms.GetValueOrDefault(jp) : null,
            Nir = j.Nir,
            PasDeNir = j.PasDeNir,
            NirCertifie = j.NirCertifie,
            Email = j.Email,
            TelephoneMobile = j.TelephoneMobile,
            MobileJoignable = j.MobileJoignable,
            TelephoneFixe = j.TelephoneFixe,
            FixeJoignable = j.FixeJoignable,
            CommentaireContact = j.CommentaireContact,
            PeutRecevoirCourrier = j.PeutRecevoirCourrier,
            PeutRecevoirSms = j.PeutRecevoirSms,
            Adresses = j.Adresses.OrderByDescending(a => a.DateDebut).ThenByDescending(a => a.DateFin == null)
                .Select(a => new AdresseDto(a.Id, a.Numero, a.Voie, a.Complement, a.Batiment, a.Escalier, a.Etage, a.Appartement, a.CodePostal,
                    a.CommuneInsee, a.CommuneNom, a.Normalisee, a.Npai, a.QpvCode, a.Zrr, a.Motif, a.DateDebut, a.DateFin)).ToList(),
            CouvertureSociale = j.CouvertureSociale,
            CouvertureComplementaire = j.CouvertureComplementaire,
            Rsa = j.Rsa,
            Rqth = j.Rqth,
            RqthCategorie = j.RqthCategorie,
            InscritFranceTravail = j.InscritFranceTravail,
            IdentifiantFt = j.IdentifiantFt,
            NumeroAgdref = j.NumeroAgdref,
            FinTitreSejour = j.FinTitreSejour,
            Ressources = j.Ressources.OrderByDescending(r => r.DateDebut)
                .Select(r => new RessourceDto(r.Id, r.Type, r.MontantMensuel, r.DateDebut, r.DateFin)).ToList(),
            ConseillerReferentId = j.ConseillerReferentId,
            ConseillerReferent = j.ConseillerReferentId is { } cr ? noms.GetValueOrDefault(cr) : null,
            AntenneId = j.AntenneId,
            Antenne = antenne,
            OrigineVenue = j.OrigineVenue,
            SavoirsDeBase = j.SavoirsDeBase,
            RayonMobilite = j.RayonMobilite,
            MoyensTransport = j.MoyensTransport,
            MoyenPrincipal = j.MoyenPrincipal,
            Permis = j.Permis.OrderBy(p => p.Categorie).Select(p => new PermisDto(p.Id, p.Categorie, p.Etape, p.DateObtention)).ToList(),
            ConsentementLe = j.ConsentementLe,
            DateDeces = j.DateDeces,
        };
    }
}
