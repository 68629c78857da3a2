using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Parrainage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "acceptation_jeune",
                table: "dispositifs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "acceptation_parrain",
                table: "dispositifs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parrain_id",
                table: "dispositifs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valide_le",
                table: "dispositifs",
                type: "date",
                nullable: true);

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
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "parrains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prenom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_parrain_id",
                table: "dispositifs",
                column: "parrain_id");

            migrationBuilder.CreateIndex(
                name: "ix_actions_parrainage_dispositif_id_date",
                table: "actions_parrainage",
                columns: new[] { "dispositif_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_parrains_structure_id_nom_prenom",
                table: "parrains",
                columns: new[] { "structure_id", "nom", "prenom" });

            migrationBuilder.AddForeignKey(
                name: "fk_dispositifs_parrains_parrain_id",
                table: "dispositifs",
                column: "parrain_id",
                principalTable: "parrains",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_dispositifs_parrains_parrain_id",
                table: "dispositifs");

            migrationBuilder.DropTable(
                name: "actions_parrainage");

            migrationBuilder.DropTable(
                name: "parrains");

            migrationBuilder.DropIndex(
                name: "ix_dispositifs_parrain_id",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "acceptation_jeune",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "acceptation_parrain",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "parrain_id",
                table: "dispositifs");

            migrationBuilder.DropColumn(
                name: "valide_le",
                table: "dispositifs");
        }
    }
}
