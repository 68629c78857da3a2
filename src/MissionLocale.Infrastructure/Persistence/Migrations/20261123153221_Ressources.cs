using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ressources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ux_declarations_ressources_mois",
                table: "declarations_ressources",
                columns: new[] { "jeune_id", "mois" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declarations_ressources");
        }
    }
}
