using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    profil = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
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
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
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
                name: "departements",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departements", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "epcis",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "pays",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
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
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
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
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    adresse_voie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code_postal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_structures", x => x.id);
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
                    nom = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false)
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
                name: "ix_codes_postaux_commune_insee",
                table: "codes_postaux",
                column: "commune_insee");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_dossier_jeune_id_le",
                table: "consultations_dossier",
                columns: new[] { "jeune_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_evenements_jeune_id_date",
                table: "evenements",
                columns: new[] { "jeune_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_historique_modifications_jeune_id_le",
                table: "historique_modifications",
                columns: new[] { "jeune_id", "le" });

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
                name: "ix_permis_jeune_id_categorie",
                table: "permis",
                columns: new[] { "jeune_id", "categorie" },
                unique: true);

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
                name: "ix_ressources_jeune_id",
                table: "ressources",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_structures_code",
                table: "structures",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ml_unaccent(text) CASCADE;");
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
                name: "codes_postaux");

            migrationBuilder.DropTable(
                name: "communes");

            migrationBuilder.DropTable(
                name: "consultations_dossier");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "departements");

            migrationBuilder.DropTable(
                name: "epcis");

            migrationBuilder.DropTable(
                name: "evenements");

            migrationBuilder.DropTable(
                name: "historique_modifications");

            migrationBuilder.DropTable(
                name: "pays");

            migrationBuilder.DropTable(
                name: "permis");

            migrationBuilder.DropTable(
                name: "qpv_voies");

            migrationBuilder.DropTable(
                name: "ressources");

            migrationBuilder.DropTable(
                name: "asp_net_roles");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "qpvs");

            migrationBuilder.DropTable(
                name: "jeunes");

            migrationBuilder.DropTable(
                name: "antennes");

            migrationBuilder.DropTable(
                name: "structures");
        }
    }
}
