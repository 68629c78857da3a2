using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Socle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // JEU-12: unaccent() is only STABLE; an IMMUTABLE wrapper with an explicit dictionary lets the
            // search key be a stored generated column with a trigram index.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION ml_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);

            migrationBuilder.CreateTable(
                name: "asp_net_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    antenne_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    profil = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    civilite = table.Column<int>(type: "integer", nullable: true),
                    actif = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "codes_postaux",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    libelle_acheminement = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_codes_postaux", x => new { x.code, x.commune_insee });
                });

            migrationBuilder.CreateTable(
                name: "communes",
                columns: table => new
                {
                    code_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    departement = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    epci = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communes", x => x.code_insee);
                });

            migrationBuilder.CreateTable(
                name: "consultations_dossier",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    utilisateur = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    objet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations_dossier", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delegations_rgs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificat = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    du = table.Column<DateOnly>(type: "date", nullable: false),
                    au = table.Column<DateOnly>(type: "date", nullable: false),
                    accordee_par = table.Column<Guid>(type: "uuid", nullable: false),
                    accordee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoquee_le = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delegations_rgs", x => x.id);
                    table.CheckConstraint("ck_delegations_rgs_dates", "au >= du");
                });

            migrationBuilder.CreateTable(
                name: "departements",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departements", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "domaines_proposition",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domaines_proposition", x => new { x.structure_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "epcis",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_epcis", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "historique_modifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    utilisateur = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    element = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    champ = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ancienne_valeur = table.Column<string>(type: "text", nullable: true),
                    nouvelle_valeur = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historique_modifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "historique_referentiel",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    utilisateur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ancienne_valeur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    nouvelle_valeur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    date_effet = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_historique_referentiel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "imports_retour_asp",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom_fichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    empreinte = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    lignes = table.Column<int>(type: "integer", nullable: false),
                    appliquees = table.Column<int>(type: "integer", nullable: false),
                    deja_appliquees = table.Column<int>(type: "integer", nullable: false),
                    importe_par = table.Column<Guid>(type: "uuid", nullable: false),
                    importe_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports_retour_asp", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intervenants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fonction = table.Column<int>(type: "integer", nullable: false),
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "fr-x-icu"),
                    utilisateur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intervenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lots_asp",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    date_lot = table.Column<DateOnly>(type: "date", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    propose_par = table.Column<Guid>(type: "uuid", nullable: true),
                    propose_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    envoye_par = table.Column<Guid>(type: "uuid", nullable: true),
                    envoye_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    nombre_demandes = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    nom_fichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fichier = table.Column<byte[]>(type: "bytea", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lots_asp", x => x.id);
                    table.CheckConstraint("ck_lots_asp_envoye", "etat <> 2 OR (fichier IS NOT NULL AND envoye_le IS NOT NULL)");
                });

            migrationBuilder.CreateTable(
                name: "messages_sortants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rendez_vous_id = table.Column<Guid>(type: "uuid", nullable: true),
                    canal = table.Column<int>(type: "integer", nullable: false),
                    cle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    destinataire = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    sujet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    corps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    prevu_pour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    prochaine_tentative = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statut = table.Column<int>(type: "integer", nullable: false),
                    tentatives = table.Column<int>(type: "integer", nullable: false),
                    derniere_erreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    envoye_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reference_fournisseur = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    livraison = table.Column<int>(type: "integer", nullable: true),
                    livraison_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages_sortants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "modeles_lettre",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categorie = table.Column<int>(type: "integer", nullable: false),
                    titre = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    corps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    actif = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_modeles_lettre", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "motifs_sortie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    type_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    positive = table.Column<bool>(type: "boolean", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_motifs_sortie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offres_de_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    domaine_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu"),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offres_de_service", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parametres_regle",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    valeur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parametres_regle", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parrains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    entreprise = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    metier = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    benevole = table.Column<bool>(type: "boolean", nullable: false),
                    actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parrains", x => x.id);
                    table.CheckConstraint("ck_parrains_benevole", "benevole");
                });

            migrationBuilder.CreateTable(
                name: "pays",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    code_insee = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: true),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    nationalite = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    eee = table.Column<bool>(type: "boolean", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pays", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "qpvs",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu"),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qpvs", x => x.code);
                    table.CheckConstraint("ck_qpvs_dates", "date_fin IS NULL OR date_fin >= date_debut");
                });

            migrationBuilder.CreateTable(
                name: "structures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "fr-x-icu"),
                    adresse_voie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code_postal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    logo = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_structures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "types_dispositif",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    duree_min_jours = table.Column<int>(type: "integer", nullable: false),
                    duree_max_mois = table.Column<int>(type: "integer", nullable: false),
                    renouvellements_max = table.Column<int>(type: "integer", nullable: false),
                    duree_renouvellement_max_mois = table.Column<int>(type: "integer", nullable: false),
                    sortie_positive = table.Column<bool>(type: "boolean", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true),
                    duree_min_mois = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_types_dispositif", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    offre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duree_minutes = table.Column<int>(type: "integer", nullable: false),
                    lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacite = table.Column<int>(type: "integer", nullable: false),
                    inscrits = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_capacite", "inscrits >= 0 AND inscrits <= capacite");
                    table.ForeignKey(
                        name: "fk_sessions_offres_de_service_offre_id",
                        column: x => x.offre_id,
                        principalTable: "offres_de_service",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qpv_voies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    qpv_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    voie_cle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qpv_voies", x => x.id);
                    table.ForeignKey(
                        name: "fk_qpv_voies_qpvs_qpv_code",
                        column: x => x.qpv_code,
                        principalTable: "qpvs",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "antennes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "fr-x-icu")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_antennes", x => x.id);
                    table.ForeignKey(
                        name: "fk_antennes_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "jeunes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    civilite = table.Column<int>(type: "integer", nullable: false),
                    nom_usage = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    nom_naissance = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    prenom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    prenom_cle = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    numero = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    date_naissance = table.Column<DateOnly>(type: "date", nullable: false),
                    ne_al_etranger = table.Column<bool>(type: "boolean", nullable: false),
                    pays_naissance_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    commune_naissance_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    nationalite = table.Column<int>(type: "integer", nullable: false),
                    situation_familiale = table.Column<int>(type: "integer", nullable: false),
                    enfants_a_charge = table.Column<int>(type: "integer", nullable: false),
                    mode_garde = table.Column<int>(type: "integer", nullable: false),
                    recense = table.Column<bool>(type: "boolean", nullable: true),
                    jdc_effectuee = table.Column<bool>(type: "boolean", nullable: true),
                    piece_justificative = table.Column<int>(type: "integer", nullable: true),
                    justifie_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    justifie_par = table.Column<Guid>(type: "uuid", nullable: true),
                    nir = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    pas_de_nir = table.Column<bool>(type: "boolean", nullable: false),
                    nir_certifie = table.Column<bool>(type: "boolean", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telephone_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    mobile_joignable = table.Column<bool>(type: "boolean", nullable: false),
                    telephone_fixe = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    fixe_joignable = table.Column<bool>(type: "boolean", nullable: false),
                    commentaire_contact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    couverture_sociale = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    couverture_complementaire = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    numero_agdref = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    fin_titre_sejour = table.Column<DateOnly>(type: "date", nullable: true),
                    rsa = table.Column<int>(type: "integer", nullable: false),
                    rqth = table.Column<bool>(type: "boolean", nullable: false),
                    rqth_categorie = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    inscrit_france_travail = table.Column<bool>(type: "boolean", nullable: false),
                    identifiant_ft = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    conseiller_referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    antenne_id = table.Column<Guid>(type: "uuid", nullable: false),
                    origine_venue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    savoirs_de_base = table.Column<int>(type: "integer", nullable: false),
                    rayon_mobilite = table.Column<int>(type: "integer", nullable: false),
                    moyens_transport = table.Column<int[]>(type: "integer[]", nullable: false),
                    moyen_principal = table.Column<int>(type: "integer", nullable: true),
                    consentement_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consentement_par = table.Column<Guid>(type: "uuid", nullable: false),
                    date_deces = table.Column<DateOnly>(type: "date", nullable: true),
                    recherche = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(ml_unaccent(nom_usage || ' ' || coalesce(nom_naissance, '') || ' ' || prenom))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jeunes", x => x.id);
                    table.CheckConstraint("ck_jeunes_enfants", "enfants_a_charge BETWEEN 0 AND 20");
                    table.CheckConstraint("ck_jeunes_ft", "NOT inscrit_france_travail OR identifiant_ft IS NOT NULL");
                    table.CheckConstraint("ck_jeunes_nir", "nir IS NULL OR length(nir) = 15");
                    table.ForeignKey(
                        name: "fk_jeunes_antennes_antenne_id",
                        column: x => x.antenne_id,
                        principalTable: "antennes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_jeunes_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "adresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    voie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    complement = table.Column<string>(type: "character varying(38)", maxLength: 38, nullable: true),
                    batiment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    escalier = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    etage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    appartement = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    code_postal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalisee = table.Column<bool>(type: "boolean", nullable: false),
                    npai = table.Column<bool>(type: "boolean", nullable: false),
                    qpv_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    zrr = table.Column<bool>(type: "boolean", nullable: false),
                    motif = table.Column<int>(type: "integer", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adresses", x => x.id);
                    table.CheckConstraint("ck_adresses_dates", "date_fin IS NULL OR date_fin >= date_debut");
                    table.ForeignKey(
                        name: "fk_adresses_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coordonnees_bancaires",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    type_compte = table.Column<int>(type: "integer", nullable: false),
                    titulaire = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    protection = table.Column<int>(type: "integer", nullable: false),
                    jugement_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coordonnees_bancaires", x => x.id);
                    table.CheckConstraint("ck_coordonnees_bancaires_pas_de_livret_a", "type_compte <> 3");
                    table.ForeignKey(
                        name: "fk_coordonnees_bancaires_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "declarations_ressources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mois = table.Column<DateOnly>(type: "date", nullable: false),
                    net_a_payer = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    avance_hors_net = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    revenu_ecologique = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    remuneration_stagiaire = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    chiffre_affaires = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    activite = table.Column<int>(type: "integer", nullable: true),
                    autres_ressources = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    allocation_cej_recue = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    total = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    justificatifs = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declarations_ressources", x => x.id);
                    table.CheckConstraint("ck_declarations_ressources_premier_du_mois", "extract(day from mois) = 1");
                    table.ForeignKey(
                        name: "fk_declarations_ressources_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dispositifs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin_prevue = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin_reelle = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_sortie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sortie_positive = table.Column<bool>(type: "boolean", nullable: true),
                    evenement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prescripteur_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pilote = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    operateur_antenne_id = table.Column<Guid>(type: "uuid", nullable: true),
                    renouvellements = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    parrain_id = table.Column<Guid>(type: "uuid", nullable: true),
                    acceptation_jeune = table.Column<DateOnly>(type: "date", nullable: true),
                    acceptation_parrain = table.Column<DateOnly>(type: "date", nullable: true),
                    valide_le = table.Column<DateOnly>(type: "date", nullable: true),
                    public_pao = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lycee = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    classe = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    bilan_avenir_pro = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    bilan_avenir_pro_le = table.Column<DateOnly>(type: "date", nullable: true),
                    entree_niveau_cep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    entree_situation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    entree_logement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    entree_mobilite = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    entree_couverture = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sortie_niveau_cep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sortie_situation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sortie_logement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sortie_mobilite = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sortie_couverture = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispositifs", x => x.id);
                    table.CheckConstraint("ck_dispositifs_dates", "date_fin_prevue >= date_debut AND (date_fin_reelle IS NULL OR date_fin_reelle >= date_debut)");
                    table.CheckConstraint("ck_dispositifs_motif", "(date_fin_reelle IS NULL) = (motif_sortie IS NULL)");
                    table.ForeignKey(
                        name: "fk_dispositifs_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_dispositifs_parrains_parrain_id",
                        column: x => x.parrain_id,
                        principalTable: "parrains",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categorie = table.Column<int>(type: "integer", nullable: false),
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu"),
                    type_mime = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    taille = table.Column<int>(type: "integer", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rendez_vous_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evenements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nature = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duree_minutes = table.Column<int>(type: "integer", nullable: false),
                    conseiller_id = table.Column<Guid>(type: "uuid", nullable: false),
                    antenne_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evenements", x => x.id);
                    table.CheckConstraint("ck_evenements_duree", "duree_minutes BETWEEN 1 AND 1440");
                    table.ForeignKey(
                        name: "fk_evenements_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "permis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categorie = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    etape = table.Column<int>(type: "integer", nullable: false),
                    date_obtention = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permis", x => x.id);
                    table.CheckConstraint("ck_permis_date", "etape <> 4 OR date_obtention IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_permis_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positionnements",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    positionne_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positionnements", x => new { x.session_id, x.jeune_id });
                    table.ForeignKey(
                        name: "fk_positionnements_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_positionnements_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rendez_vous",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nature = table.Column<int>(type: "integer", nullable: false),
                    modalite = table.Column<int>(type: "integer", nullable: false),
                    objet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    intervenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    antenne_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    debut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fin = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rappel_email = table.Column<bool>(type: "boolean", nullable: false),
                    rappel_sms = table.Column<bool>(type: "boolean", nullable: false),
                    statut = table.Column<int>(type: "integer", nullable: false),
                    motif_absence = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rendez_vous", x => x.id);
                    table.CheckConstraint("ck_rendez_vous_absence", "statut <> 3 OR motif_absence IS NOT NULL");
                    table.CheckConstraint("ck_rendez_vous_dates", "fin > debut");
                    table.ForeignKey(
                        name: "fk_rendez_vous_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ressources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    montant_mensuel = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ressources", x => x.id);
                    table.CheckConstraint("ck_ressources_dates", "date_fin IS NULL OR date_fin >= date_debut");
                    table.CheckConstraint("ck_ressources_montant", "montant_mensuel >= 0");
                    table.ForeignKey(
                        name: "fk_ressources_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "situations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: false),
                    type_contrat = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    employeur = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    organisme = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    objectif_general = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    validation_preparee = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    niveau = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    mesure = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    date_interruption = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_interruption = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_situations", x => x.id);
                    table.CheckConstraint("ck_situations_dates", "date_fin >= date_debut");
                    table.CheckConstraint("ck_situations_interruption", "(date_interruption IS NULL AND motif_interruption IS NULL) OR (date_interruption < date_fin AND motif_interruption IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_situations_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actions_parrainage",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispositif_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    domaine_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions_parrainage", x => x.id);
                    table.ForeignKey(
                        name: "fk_actions_parrainage_dispositifs_dispositif_id",
                        column: x => x.dispositif_id,
                        principalTable: "dispositifs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cerfas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispositif_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scan_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    genere_par = table.Column<Guid>(type: "uuid", nullable: false),
                    genere_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valide_par = table.Column<Guid>(type: "uuid", nullable: true),
                    valide_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    motif_asp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    motif_renvoi = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    renvoye_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cerfas", x => x.id);
                    table.CheckConstraint("ck_cerfas_numero", "numero IN (0, 1, 2)");
                    table.CheckConstraint("ck_cerfas_scan", "etat <> 2 OR scan_document_id IS NOT NULL");
                    table.CheckConstraint("ck_cerfas_valide_par", "etat NOT IN (3, 4, 5, 6) OR (valide_par IS NOT NULL AND valide_le IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_cerfas_dispositifs_dispositif_id",
                        column: x => x.dispositif_id,
                        principalTable: "dispositifs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cerfas_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demandes_allocation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispositif_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mois = table.Column<DateOnly>(type: "date", nullable: false),
                    ressources = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    ressources_differentielles = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    montant = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    nature = table.Column<int>(type: "integer", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    cerfa_id = table.Column<Guid>(type: "uuid", nullable: true),
                    premiere = table.Column<bool>(type: "boolean", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    validee_par = table.Column<Guid>(type: "uuid", nullable: true),
                    validee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date_asp = table.Column<DateOnly>(type: "date", nullable: true),
                    montant_verse = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    motif_asp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    remplacee_par_id = table.Column<Guid>(type: "uuid", nullable: true),
                    remplace_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demandes_allocation", x => x.id);
                    table.CheckConstraint("ck_demandes_allocation_envoyee_dans_un_lot", "etat NOT IN (4, 5, 6, 7) OR lot_id IS NOT NULL");
                    table.CheckConstraint("ck_demandes_allocation_montant_positif", "montant >= 0");
                    table.CheckConstraint("ck_demandes_allocation_premier_du_mois", "extract(day from mois) = 1");
                    table.CheckConstraint("ck_demandes_allocation_refus_motive", "etat <> 7 OR motif_asp IS NOT NULL");
                    table.CheckConstraint("ck_demandes_allocation_validee_par", "etat NOT IN (3, 4, 5, 6, 7) OR (validee_par IS NOT NULL AND validee_le IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_demandes_allocation_dispositifs_dispositif_id",
                        column: x => x.dispositif_id,
                        principalTable: "dispositifs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_demandes_allocation_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_demandes_allocation_lots_asp_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots_asp",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "phases_pacea",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispositif_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    numero = table.Column<int>(type: "integer", nullable: false),
                    objectifs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin_prevue = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true),
                    prolongations = table.Column<int>(type: "integer", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: true),
                    bilan_evenement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    date_bilan = table.Column<DateOnly>(type: "date", nullable: true),
                    resultat = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phases_pacea", x => x.id);
                    table.CheckConstraint("ck_phases_pacea_dates", "date_fin_prevue >= date_debut AND (date_fin IS NULL OR date_fin >= date_debut)");
                    table.ForeignKey(
                        name: "fk_phases_pacea_dispositifs_dispositif_id",
                        column: x => x.dispositif_id,
                        principalTable: "dispositifs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "propositions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evenement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    domaine_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    offre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-x-icu"),
                    etat = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_propositions", x => x.id);
                    table.ForeignKey(
                        name: "fk_propositions_evenements_evenement_id",
                        column: x => x.evenement_id,
                        principalTable: "evenements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_propositions_offres_de_service_offre_id",
                        column: x => x.offre_id,
                        principalTable: "offres_de_service",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_actions_parrainage_dispositif_id_date",
                table: "actions_parrainage",
                columns: new[] { "dispositif_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_adresses_jeune_id_date_debut",
                table: "adresses",
                columns: new[] { "jeune_id", "date_debut" });

            migrationBuilder.CreateIndex(
                name: "ux_adresses_courante",
                table: "adresses",
                column: "jeune_id",
                unique: true,
                filter: "date_fin IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_antennes_structure_id_nom",
                table: "antennes",
                columns: new[] { "structure_id", "nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "asp_net_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "role_name_index",
                table: "asp_net_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "asp_net_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "asp_net_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_structure_id",
                table: "asp_net_users",
                column: "structure_id");

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cerfas_dispositif_id",
                table: "cerfas",
                column: "dispositif_id");

            migrationBuilder.CreateIndex(
                name: "ix_cerfas_jeune_id",
                table: "cerfas",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_cerfas_structure_id_etat",
                table: "cerfas",
                columns: new[] { "structure_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ix_codes_postaux_commune_insee",
                table: "codes_postaux",
                column: "commune_insee");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_dossier_jeune_id_le",
                table: "consultations_dossier",
                columns: new[] { "jeune_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ux_coordonnees_bancaires_en_vigueur",
                table: "coordonnees_bancaires",
                column: "jeune_id",
                unique: true,
                filter: "date_fin IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_declarations_ressources_mois",
                table: "declarations_ressources",
                columns: new[] { "jeune_id", "mois" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_delegations_rgs_utilisateur_id",
                table: "delegations_rgs",
                column: "utilisateur_id");

            migrationBuilder.CreateIndex(
                name: "ix_demandes_allocation_dispositif_id",
                table: "demandes_allocation",
                column: "dispositif_id");

            migrationBuilder.CreateIndex(
                name: "ix_demandes_allocation_lot_id",
                table: "demandes_allocation",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_demandes_allocation_structure_id_etat_type_code",
                table: "demandes_allocation",
                columns: new[] { "structure_id", "etat", "type_code" });

            migrationBuilder.CreateIndex(
                name: "ux_demandes_allocation_mois",
                table: "demandes_allocation",
                columns: new[] { "jeune_id", "dispositif_id", "mois" },
                unique: true,
                filter: "remplacee_par_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_jeune_id",
                table: "dispositifs",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_parrain_id",
                table: "dispositifs",
                column: "parrain_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_structure_id_type_code_date_fin_reelle",
                table: "dispositifs",
                columns: new[] { "structure_id", "type_code", "date_fin_reelle" });

            migrationBuilder.CreateIndex(
                name: "ux_dispositifs_ouvert",
                table: "dispositifs",
                columns: new[] { "jeune_id", "type_code" },
                unique: true,
                filter: "date_fin_reelle IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_documents_jeune_id_cree_le",
                table: "documents",
                columns: new[] { "jeune_id", "cree_le" });

            migrationBuilder.CreateIndex(
                name: "ix_evenements_conseiller_id_date",
                table: "evenements",
                columns: new[] { "conseiller_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_evenements_jeune_id_date",
                table: "evenements",
                columns: new[] { "jeune_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_historique_modifications_jeune_id_le",
                table: "historique_modifications",
                columns: new[] { "jeune_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_historique_referentiel_code_le",
                table: "historique_referentiel",
                columns: new[] { "code", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_intervenants_structure_id_fonction_nom",
                table: "intervenants",
                columns: new[] { "structure_id", "fonction", "nom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intervenants_structure_id_fonction_utilisateur_id",
                table: "intervenants",
                columns: new[] { "structure_id", "fonction", "utilisateur_id" },
                unique: true,
                filter: "utilisateur_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_antenne_id",
                table: "jeunes",
                column: "antenne_id");

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_conseiller_referent_id_nom_usage_prenom_numero",
                table: "jeunes",
                columns: new[] { "conseiller_referent_id", "nom_usage", "prenom", "numero" });

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_numero",
                table: "jeunes",
                column: "numero",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_recherche_trgm",
                table: "jeunes",
                column: "recherche")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_structure_id_date_naissance_prenom_cle",
                table: "jeunes",
                columns: new[] { "structure_id", "date_naissance", "prenom_cle" });

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_structure_id_identifiant_ft",
                table: "jeunes",
                columns: new[] { "structure_id", "identifiant_ft" },
                filter: "identifiant_ft IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_structure_id_nir",
                table: "jeunes",
                columns: new[] { "structure_id", "nir" },
                filter: "nir IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_jeunes_structure_id_nom_usage_prenom_numero",
                table: "jeunes",
                columns: new[] { "structure_id", "nom_usage", "prenom", "numero" });

            migrationBuilder.CreateIndex(
                name: "ux_lots_asp_numero",
                table: "lots_asp",
                columns: new[] { "structure_id", "numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_cle",
                table: "messages_sortants",
                column: "cle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_reference_fournisseur",
                table: "messages_sortants",
                column: "reference_fournisseur",
                filter: "reference_fournisseur IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_rendez_vous_id",
                table: "messages_sortants",
                column: "rendez_vous_id");

            migrationBuilder.CreateIndex(
                name: "ix_messages_sortants_structure_id_statut_prochaine_tentative",
                table: "messages_sortants",
                columns: new[] { "structure_id", "statut", "prochaine_tentative" });

            migrationBuilder.CreateIndex(
                name: "ix_modeles_lettre_structure_id_categorie",
                table: "modeles_lettre",
                columns: new[] { "structure_id", "categorie" });

            migrationBuilder.CreateIndex(
                name: "ix_motifs_sortie_type_code_libelle_date_debut",
                table: "motifs_sortie",
                columns: new[] { "type_code", "libelle", "date_debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offres_de_service_structure_id_libelle",
                table: "offres_de_service",
                columns: new[] { "structure_id", "libelle" });

            migrationBuilder.CreateIndex(
                name: "ix_parametres_regle_code_date_debut",
                table: "parametres_regle",
                columns: new[] { "code", "date_debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_parrains_structure_id_nom_prenom",
                table: "parrains",
                columns: new[] { "structure_id", "nom", "prenom" });

            migrationBuilder.CreateIndex(
                name: "ix_pays_code_insee",
                table: "pays",
                column: "code_insee",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_permis_jeune_id_categorie",
                table: "permis",
                columns: new[] { "jeune_id", "categorie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_phases_pacea_dispositif_id_numero",
                table: "phases_pacea",
                columns: new[] { "dispositif_id", "numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_phases_pacea_en_cours",
                table: "phases_pacea",
                column: "dispositif_id",
                unique: true,
                filter: "date_fin IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_positionnements_jeune_id",
                table: "positionnements",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_evenement_id",
                table: "propositions",
                column: "evenement_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_jeune_id",
                table: "propositions",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_offre_id",
                table: "propositions",
                column: "offre_id");

            migrationBuilder.CreateIndex(
                name: "ix_qpv_voies_commune_insee_voie_cle_qpv_code",
                table: "qpv_voies",
                columns: new[] { "commune_insee", "voie_cle", "qpv_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_qpv_voies_qpv_code",
                table: "qpv_voies",
                column: "qpv_code");

            migrationBuilder.CreateIndex(
                name: "ix_rendez_vous_intervenant_id_debut",
                table: "rendez_vous",
                columns: new[] { "intervenant_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_rendez_vous_jeune_id_debut",
                table: "rendez_vous",
                columns: new[] { "jeune_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_ressources_jeune_id",
                table: "ressources",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_offre_id",
                table: "sessions",
                column: "offre_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_structure_id_debut",
                table: "sessions",
                columns: new[] { "structure_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_situations_jeune_id_date_debut",
                table: "situations",
                columns: new[] { "jeune_id", "date_debut" });

            migrationBuilder.CreateIndex(
                name: "ix_structures_code",
                table: "structures",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_types_dispositif_code_date_debut",
                table: "types_dispositif",
                columns: new[] { "code", "date_debut" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ml_unaccent(text) CASCADE;");
            migrationBuilder.DropTable(
                name: "actions_parrainage");

            migrationBuilder.DropTable(
                name: "adresses");

            migrationBuilder.DropTable(
                name: "asp_net_role_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_logins");

            migrationBuilder.DropTable(
                name: "asp_net_user_roles");

            migrationBuilder.DropTable(
                name: "asp_net_user_tokens");

            migrationBuilder.DropTable(
                name: "cerfas");

            migrationBuilder.DropTable(
                name: "codes_postaux");

            migrationBuilder.DropTable(
                name: "communes");

            migrationBuilder.DropTable(
                name: "consultations_dossier");

            migrationBuilder.DropTable(
                name: "coordonnees_bancaires");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "declarations_ressources");

            migrationBuilder.DropTable(
                name: "delegations_rgs");

            migrationBuilder.DropTable(
                name: "demandes_allocation");

            migrationBuilder.DropTable(
                name: "departements");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "domaines_proposition");

            migrationBuilder.DropTable(
                name: "epcis");

            migrationBuilder.DropTable(
                name: "historique_modifications");

            migrationBuilder.DropTable(
                name: "historique_referentiel");

            migrationBuilder.DropTable(
                name: "imports_retour_asp");

            migrationBuilder.DropTable(
                name: "intervenants");

            migrationBuilder.DropTable(
                name: "messages_sortants");

            migrationBuilder.DropTable(
                name: "modeles_lettre");

            migrationBuilder.DropTable(
                name: "motifs_sortie");

            migrationBuilder.DropTable(
                name: "parametres_regle");

            migrationBuilder.DropTable(
                name: "pays");

            migrationBuilder.DropTable(
                name: "permis");

            migrationBuilder.DropTable(
                name: "phases_pacea");

            migrationBuilder.DropTable(
                name: "positionnements");

            migrationBuilder.DropTable(
                name: "propositions");

            migrationBuilder.DropTable(
                name: "qpv_voies");

            migrationBuilder.DropTable(
                name: "rendez_vous");

            migrationBuilder.DropTable(
                name: "ressources");

            migrationBuilder.DropTable(
                name: "situations");

            migrationBuilder.DropTable(
                name: "types_dispositif");

            migrationBuilder.DropTable(
                name: "asp_net_roles");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "lots_asp");

            migrationBuilder.DropTable(
                name: "dispositifs");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "evenements");

            migrationBuilder.DropTable(
                name: "qpvs");

            migrationBuilder.DropTable(
                name: "parrains");

            migrationBuilder.DropTable(
                name: "offres_de_service");

            migrationBuilder.DropTable(
                name: "jeunes");

            migrationBuilder.DropTable(
                name: "antennes");

            migrationBuilder.DropTable(
                name: "structures");
        }
    }
}
