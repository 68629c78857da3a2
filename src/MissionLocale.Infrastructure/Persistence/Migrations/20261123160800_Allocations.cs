using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Allocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cerfas", x => x.id);
                    table.CheckConstraint("ck_cerfas_numero", "numero IN (0, 1, 2)");
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
                    table.CheckConstraint("ck_demandes_allocation_montant_positif", "montant >= 0");
                    table.CheckConstraint("ck_demandes_allocation_premier_du_mois", "extract(day from mois) = 1");
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
                name: "ux_lots_asp_numero",
                table: "lots_asp",
                columns: new[] { "structure_id", "numero" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cerfas");

            migrationBuilder.DropTable(
                name: "delegations_rgs");

            migrationBuilder.DropTable(
                name: "demandes_allocation");

            migrationBuilder.DropTable(
                name: "imports_retour_asp");

            migrationBuilder.DropTable(
                name: "lots_asp");
        }
    }
}
