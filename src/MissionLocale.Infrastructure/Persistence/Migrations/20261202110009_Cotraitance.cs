using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Cotraitance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "consentement_par",
                table: "jeunes",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "consentement_le",
                table: "jeunes",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.CreateTable(
                name: "affectations_ft",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identifiant_ft = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    civilite = table.Column<int>(type: "integer", nullable: false),
                    nationalite = table.Column<int>(type: "integer", nullable: false),
                    nom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "fr-x-icu"),
                    prenom = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "fr-x-icu"),
                    date_naissance = table.Column<DateOnly>(type: "date", nullable: false),
                    commune_insee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    date_affectation = table.Column<DateOnly>(type: "date", nullable: false),
                    dernier_entretien_dude = table.Column<DateOnly>(type: "date", nullable: true),
                    importee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    motif_refus = table.Column<int>(type: "integer", nullable: true),
                    liste = table.Column<int>(type: "integer", nullable: true),
                    candidats = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: true),
                    marque = table.Column<int>(type: "integer", nullable: true),
                    conseiller_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decidee_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decidee_par = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_affectations_ft", x => x.id);
                    table.CheckConstraint("ck_affectations_ft_dossier", "etat IN (1, 2, 3) OR jeune_id IS NOT NULL");
                    table.CheckConstraint("ck_affectations_ft_refus_motive", "etat <> 2 OR motif_refus IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_affectations_ft_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "flux_dude",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ppae_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    objet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    identifiant_ft = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    date_naissance = table.Column<DateOnly>(type: "date", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statut = table.Column<int>(type: "integer", nullable: false),
                    tentatives = table.Column<int>(type: "integer", nullable: false),
                    prochaine_tentative = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    transmis_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fichier = table.Column<DateOnly>(type: "date", nullable: true),
                    derniere_erreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flux_dude", x => x.id);
                    table.ForeignKey(
                        name: "fk_flux_dude_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ppaes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    affectation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    date_affectation = table.Column<DateOnly>(type: "date", nullable: false),
                    debut_affectation = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dernier_entretien_dude = table.Column<DateOnly>(type: "date", nullable: true),
                    date_entree = table.Column<DateOnly>(type: "date", nullable: true),
                    acceptation_le = table.Column<DateOnly>(type: "date", nullable: true),
                    date_sortie = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_sortie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ppaes", x => x.id);
                    table.CheckConstraint("ck_ppaes_en_cours_entree", "etat = 1 OR (date_entree IS NOT NULL AND acceptation_le IS NOT NULL)");
                    table.CheckConstraint("ck_ppaes_termine_sortie", "etat <> 3 OR (date_sortie IS NOT NULL AND date_sortie >= date_entree)");
                    table.ForeignKey(
                        name: "fk_ppaes_affectations_ft_affectation_id",
                        column: x => x.affectation_id,
                        principalTable: "affectations_ft",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ppaes_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_affectations_ft_jeune_id",
                table: "affectations_ft",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_affectations_ft_structure_id_etat_liste",
                table: "affectations_ft",
                columns: new[] { "structure_id", "etat", "liste" });

            migrationBuilder.CreateIndex(
                name: "ux_affectations_ft_ligne",
                table: "affectations_ft",
                columns: new[] { "structure_id", "identifiant_ft", "date_affectation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flux_dude_jeune_id",
                table: "flux_dude",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_flux_dude_structure_id_fichier",
                table: "flux_dude",
                columns: new[] { "structure_id", "fichier" });

            migrationBuilder.CreateIndex(
                name: "ix_flux_dude_structure_id_statut_prochaine_tentative",
                table: "flux_dude",
                columns: new[] { "structure_id", "statut", "prochaine_tentative" });

            migrationBuilder.CreateIndex(
                name: "ux_flux_dude_source",
                table: "flux_dude",
                columns: new[] { "source_id", "type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ppaes_affectation_id",
                table: "ppaes",
                column: "affectation_id");

            migrationBuilder.CreateIndex(
                name: "ix_ppaes_structure_id_etat",
                table: "ppaes",
                columns: new[] { "structure_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ux_ppaes_actif",
                table: "ppaes",
                column: "jeune_id",
                unique: true,
                filter: "etat IN (1, 2)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flux_dude");

            migrationBuilder.DropTable(
                name: "ppaes");

            migrationBuilder.DropTable(
                name: "affectations_ft");

            migrationBuilder.AlterColumn<Guid>(
                name: "consentement_par",
                table: "jeunes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "consentement_le",
                table: "jeunes",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);
        }
    }
}
