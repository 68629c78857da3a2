using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pilotage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "date_resultat",
                table: "situations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resultat",
                table: "situations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "annee_sortie_scolaire",
                table: "jeunes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "anonymisation_prevue_le",
                table: "jeunes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymise_le",
                table: "jeunes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "conservation_jusqu_au",
                table: "jeunes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "derniere_classe",
                table: "jeunes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "etablissement",
                table: "jeunes",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "niveau_qualification",
                table: "jeunes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "scolarise",
                table: "jeunes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "scolarite_renseignee",
                table: "jeunes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "diplomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    libelle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "fr-x-icu"),
                    niveau = table.Column<int>(type: "integer", nullable: false),
                    annee = table.Column<int>(type: "integer", nullable: true),
                    code_rncp = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    situation_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diplomes", x => x.id);
                    table.CheckConstraint("ck_diplomes_niveau", "niveau IN (0, 3, 4, 5, 6, 7, 8)");
                    table.CheckConstraint("ck_diplomes_rncp", "code_rncp IS NULL OR code_rncp ~ '^RNCP[0-9]{1,8}$'");
                    table.ForeignKey(
                        name: "fk_diplomes_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_diplomes_situations_situation_id",
                        column: x => x.situation_id,
                        principalTable: "situations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "indicateurs_precalcules",
                columns: table => new
                {
                    cle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    calcule_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    contenu = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicateurs_precalcules", x => x.cle);
                });

            migrationBuilder.CreateTable(
                name: "nomenclatures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    liste = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    libelle = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "fr-x-icu"),
                    niveau = table.Column<int>(type: "integer", nullable: true),
                    ordre = table.Column<int>(type: "integer", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomenclatures", x => x.id);
                    table.CheckConstraint("ck_nomenclatures_dates", "date_fin IS NULL OR date_fin >= date_debut");
                });

            migrationBuilder.CreateTable(
                name: "recherches_sauvegardees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proprietaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nom = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-x-icu"),
                    partagee = table.Column<bool>(type: "boolean", nullable: false),
                    criteres = table.Column<string>(type: "jsonb", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recherches_sauvegardees", x => x.id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_situations_resultat",
                table: "situations",
                sql: "resultat IS NULL OR (type = 2 AND date_resultat IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_jeunes_niveau_qualification",
                table: "jeunes",
                sql: "niveau_qualification IS NULL OR niveau_qualification IN (0, 3, 4, 5, 6, 7, 8)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_jeunes_scolarise",
                table: "jeunes",
                sql: "NOT scolarise OR annee_sortie_scolaire IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_historique_modifications_structure_id_le",
                table: "historique_modifications",
                columns: new[] { "structure_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_historique_modifications_utilisateur_id_le",
                table: "historique_modifications",
                columns: new[] { "utilisateur_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_evenements_structure_id_date",
                table: "evenements",
                columns: new[] { "structure_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_structure_id_date_debut",
                table: "dispositifs",
                columns: new[] { "structure_id", "date_debut" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_dossier_structure_id_le",
                table: "consultations_dossier",
                columns: new[] { "structure_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_dossier_utilisateur_id_le",
                table: "consultations_dossier",
                columns: new[] { "utilisateur_id", "le" });

            migrationBuilder.CreateIndex(
                name: "ux_users_dpo_unique",
                table: "asp_net_users",
                column: "structure_id",
                unique: true,
                filter: "(fonctions & 8) <> 0 AND desabonne_le IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_diplomes_jeune_id",
                table: "diplomes",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ux_diplomes_situation",
                table: "diplomes",
                column: "situation_id",
                unique: true,
                filter: "situation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nomenclatures_liste_code_date_debut",
                table: "nomenclatures",
                columns: new[] { "liste", "code", "date_debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recherches_sauvegardees_structure_id_partagee",
                table: "recherches_sauvegardees",
                columns: new[] { "structure_id", "partagee" });

            migrationBuilder.CreateIndex(
                name: "ux_recherches_nom",
                table: "recherches_sauvegardees",
                columns: new[] { "proprietaire_id", "nom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "diplomes");

            migrationBuilder.DropTable(
                name: "indicateurs_precalcules");

            migrationBuilder.DropTable(
                name: "nomenclatures");

            migrationBuilder.DropTable(
                name: "recherches_sauvegardees");

            migrationBuilder.DropCheckConstraint(
                name: "ck_situations_resultat",
                table: "situations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_jeunes_niveau_qualification",
                table: "jeunes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_jeunes_scolarise",
                table: "jeunes");

            migrationBuilder.DropIndex(
                name: "ix_historique_modifications_structure_id_le",
                table: "historique_modifications");

            migrationBuilder.DropIndex(
                name: "ix_historique_modifications_utilisateur_id_le",
                table: "historique_modifications");

            migrationBuilder.DropIndex(
                name: "ix_evenements_structure_id_date",
                table: "evenements");

            migrationBuilder.DropIndex(
                name: "ix_dispositifs_structure_id_date_debut",
                table: "dispositifs");

            migrationBuilder.DropIndex(
                name: "ix_consultations_dossier_structure_id_le",
                table: "consultations_dossier");

            migrationBuilder.DropIndex(
                name: "ix_consultations_dossier_utilisateur_id_le",
                table: "consultations_dossier");

            migrationBuilder.DropIndex(
                name: "ux_users_dpo_unique",
                table: "asp_net_users");

            migrationBuilder.DropColumn(
                name: "date_resultat",
                table: "situations");

            migrationBuilder.DropColumn(
                name: "resultat",
                table: "situations");

            migrationBuilder.DropColumn(
                name: "annee_sortie_scolaire",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "anonymisation_prevue_le",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "anonymise_le",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "conservation_jusqu_au",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "derniere_classe",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "etablissement",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "niveau_qualification",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "scolarise",
                table: "jeunes");

            migrationBuilder.DropColumn(
                name: "scolarite_renseignee",
                table: "jeunes");
        }
    }
}
