using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pacea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "fin_titre_sejour",
                table: "jeunes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "numero_agdref",
                table: "jeunes",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entree_couverture",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entree_logement",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entree_mobilite",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entree_niveau_cep",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entree_situation",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sortie_couverture",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sortie_logement",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sortie_mobilite",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sortie_niveau_cep",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sortie_situation",
                table: "dispositifs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "phases_pacea");

            migrationBuilder.DropColumn(
                name: "fin_titre_sejour",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "numero_agdref",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "entree_couverture",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "entree_logement",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "entree_mobilite",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "entree_niveau_cep",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "entree_situation",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "sortie_couverture",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "sortie_logement",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "sortie_mobilite",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "sortie_niveau_cep",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "sortie_situation",
                table: "dispositifs");
        }
    }
}
