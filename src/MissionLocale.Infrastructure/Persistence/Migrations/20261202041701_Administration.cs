using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Administration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "entreprise_id",
                table: "situations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "entreprise_id",
                table: "dispositifs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cree_le",
                table: "asp_net_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "desabonne_le",
                table: "asp_net_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "fonctions",
                table: "asp_net_users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "adresse_voie",
                table: "antennes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code_postal",
                table: "antennes",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "commune_insee",
                table: "antennes",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "horaires",
                table: "antennes",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "telephone",
                table: "antennes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "antennes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "nom_cle",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                computedColumnSql: "btrim(regexp_replace(lower(ml_unaccent(nom)), '[^a-z0-9]+', ' ', 'g'))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "demandes_demenagement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_cedante_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_demandeuse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    motif = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    accord_jeune_le = table.Column<DateOnly>(type: "date", nullable: false),
                    reprendre_dispositifs = table.Column<bool>(type: "boolean", nullable: false),
                    demandee_par_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demandee_par = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    demandee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    decidee_par_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decidee_par = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decidee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    motif_refus = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demandes_demenagement", x => x.id);
                    table.CheckConstraint("ck_demandes_demenagement_deux_structures", "structure_cedante_id <> structure_demandeuse_id");
                    table.CheckConstraint("ck_demandes_demenagement_refus_motive", "etat <> 3 OR motif_refus IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_demandes_demenagement_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entreprises",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    siret = table.Column<string>(type: "character(14)", fixedLength: true, maxLength: 14, nullable: false),
                    siren = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    raison_sociale = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enseigne = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    code_naf = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    nom_cle = table.Column<string>(type: "character varying(401)", maxLength: 401, nullable: false),
                    adresse_voie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    code_postal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    rattachee_sirene = table.Column<bool>(type: "boolean", nullable: false),
                    referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entreprises", x => x.id);
                    table.CheckConstraint("ck_entreprises_siren_du_siret", "siren = left(siret, 9)");
                    table.CheckConstraint("ck_entreprises_siret_format", "siret ~ '^[0-9]{14}$'");
                });

            migrationBuilder.CreateTable(
                name: "fusions_referentiel",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    table = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cible = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_libelle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    cible_libelle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    demandee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    demandee_par = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    prevue_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    executee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reaffectations = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fusions_referentiel", x => x.id);
                    table.CheckConstraint("ck_fusions_referentiel_source_cible", "source <> cible");
                });

            migrationBuilder.CreateTable(
                name: "territoires_structure",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_territoires_structure", x => new { x.structure_id, x.commune_insee });
                    table.ForeignKey(
                        name: "fk_territoires_structure_structures_structure_id",
                        column: x => x.structure_id,
                        principalTable: "structures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts_entreprise",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entreprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "fr-x-icu"),
                    fonction = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    telephone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts_entreprise", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_entreprise_entreprises_entreprise_id",
                        column: x => x.entreprise_id,
                        principalTable: "entreprises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_situations_entreprise_id",
                table: "situations",
                column: "entreprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_entreprise_id",
                table: "dispositifs",
                column: "entreprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_nom_cle",
                table: "asp_net_users",
                column: "nom_cle");

            migrationBuilder.CreateIndex(
                name: "ux_users_direction_unique",
                table: "asp_net_users",
                column: "structure_id",
                unique: true,
                filter: "profil = 'Direction' AND desabonne_le IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_entreprise_entreprise_id",
                table: "contacts_entreprise",
                column: "entreprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_demandes_demenagement_structure_cedante_id_etat",
                table: "demandes_demenagement",
                columns: new[] { "structure_cedante_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ix_demandes_demenagement_structure_demandeuse_id_etat",
                table: "demandes_demenagement",
                columns: new[] { "structure_demandeuse_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ux_demandes_demenagement_en_cours",
                table: "demandes_demenagement",
                column: "jeune_id",
                unique: true,
                filter: "etat = 1");

            migrationBuilder.CreateIndex(
                name: "ix_entreprises_nom_cle",
                table: "entreprises",
                column: "nom_cle")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_entreprises_structure_id_commune_insee",
                table: "entreprises",
                columns: new[] { "structure_id", "commune_insee" });

            migrationBuilder.CreateIndex(
                name: "ix_entreprises_structure_id_referent_id",
                table: "entreprises",
                columns: new[] { "structure_id", "referent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_entreprises_structure_id_siren",
                table: "entreprises",
                columns: new[] { "structure_id", "siren" });

            migrationBuilder.CreateIndex(
                name: "ux_entreprises_siret",
                table: "entreprises",
                columns: new[] { "structure_id", "siret" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fusions_referentiel_etat_prevue_le",
                table: "fusions_referentiel",
                columns: new[] { "etat", "prevue_le" });

            migrationBuilder.CreateIndex(
                name: "ux_fusions_referentiel_programmee",
                table: "fusions_referentiel",
                columns: new[] { "structure_id", "table", "source" },
                unique: true,
                filter: "etat = 1");

            migrationBuilder.CreateIndex(
                name: "ix_territoires_structure_commune_insee",
                table: "territoires_structure",
                column: "commune_insee");

            migrationBuilder.AddForeignKey(
                name: "fk_dispositifs_entreprises_entreprise_id",
                table: "dispositifs",
                column: "entreprise_id",
                principalTable: "entreprises",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_situations_entreprises_entreprise_id",
                table: "situations",
                column: "entreprise_id",
                principalTable: "entreprises",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dispositifs_entreprises_entreprise_id",
                table: "dispositifs");

            migrationBuilder.DropForeignKey(
                name: "fk_situations_entreprises_entreprise_id",
                table: "situations");

            migrationBuilder.DropTable(
                name: "contacts_entreprise");

            migrationBuilder.DropTable(
                name: "demandes_demenagement");

            migrationBuilder.DropTable(
                name: "fusions_referentiel");

            migrationBuilder.DropTable(
                name: "territoires_structure");

            migrationBuilder.DropTable(
                name: "entreprises");

            migrationBuilder.DropIndex(
                name: "ix_situations_entreprise_id",
                table: "situations");

            migrationBuilder.DropIndex(
                name: "ix_dispositifs_entreprise_id",
                table: "dispositifs");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_nom_cle",
                table: "asp_net_users");

            migrationBuilder.DropIndex(
                name: "ux_users_direction_unique",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "nom_cle",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "entreprise_id",
                table: "situations");

            migrationBuilder.DropColumn(
                name: "entreprise_id",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "cree_le",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "desabonne_le",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "fonctions",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "adresse_voie",
                table: "antennes");

            migrationBuilder.DropColumn(
                name: "code_postal",
                table: "antennes");

            migrationBuilder.DropColumn(
                name: "commune_insee",
                table: "antennes");

            migrationBuilder.DropColumn(
                name: "horaires",
                table: "antennes");

            migrationBuilder.DropColumn(
                name: "telephone",
                table: "antennes");

            migrationBuilder.DropColumn(
                name: "version",
                table: "antennes");
        }
    }
}
