using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CoordonneesBancaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ux_coordonnees_bancaires_en_vigueur",
                table: "coordonnees_bancaires",
                column: "jeune_id",
                unique: true,
                filter: "date_fin IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coordonnees_bancaires");
        }
    }
}
