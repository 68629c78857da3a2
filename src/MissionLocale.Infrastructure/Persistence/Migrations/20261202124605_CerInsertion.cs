using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CerInsertion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parcours_insertion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type_accompagnement = table.Column<int>(type: "integer", nullable: false),
                    intervenant_principal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parcours_insertion", x => x.id);
                    table.ForeignKey(
                        name: "fk_parcours_insertion_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parcours_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    debut = table.Column<DateOnly>(type: "date", nullable: false),
                    duree_mois = table.Column<int>(type: "integer", nullable: false),
                    levee_suspension = table.Column<bool>(type: "boolean", nullable: false),
                    levee_radiation = table.Column<bool>(type: "boolean", nullable: false),
                    apres_sanction = table.Column<bool>(type: "boolean", nullable: false),
                    perspectives = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    atouts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    defis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    observation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    engagements = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rythme_rencontres = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    signe_beneficiaire_le = table.Column<DateOnly>(type: "date", nullable: true),
                    signe_referent_le = table.Column<DateOnly>(type: "date", nullable: true),
                    cloture_le = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_refus = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cers", x => x.id);
                    table.CheckConstraint("ck_cers_refus_motive", "etat <> 6 OR motif_refus IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_cers_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cers_parcours_insertion_parcours_id",
                        column: x => x.parcours_id,
                        principalTable: "parcours_insertion",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cers_jeune_id_etat",
                table: "cers",
                columns: new[] { "jeune_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ix_cers_parcours_id",
                table: "cers",
                column: "parcours_id");

            migrationBuilder.CreateIndex(
                name: "ix_parcours_insertion_jeune_id",
                table: "parcours_insertion",
                column: "jeune_id");

            // CER-04, last net: a signed CER (Signé and after) never changes its content, type, dates or signatures, and is
            // never deleted; only its state, validation and closing move on. A direct UPDATE fails (tested).
            migrationBuilder.Sql("""
                CREATE FUNCTION cers_signe_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD.etat >= 3 THEN
                            RAISE EXCEPTION 'CER-04: a signed CER is never deleted' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cers_signe_immuable', TABLE = 'cers';
                        END IF;
                        RETURN OLD;
                    END IF;
                    IF OLD.etat >= 3 AND (
                        NEW.perspectives IS DISTINCT FROM OLD.perspectives OR NEW.atouts IS DISTINCT FROM OLD.atouts OR NEW.defis IS DISTINCT FROM OLD.defis
                        OR NEW.observation IS DISTINCT FROM OLD.observation OR NEW.engagements IS DISTINCT FROM OLD.engagements
                        OR NEW.rythme_rencontres IS DISTINCT FROM OLD.rythme_rencontres OR NEW.actions IS DISTINCT FROM OLD.actions
                        OR NEW.type IS DISTINCT FROM OLD.type OR NEW.debut IS DISTINCT FROM OLD.debut OR NEW.duree_mois IS DISTINCT FROM OLD.duree_mois
                        OR NEW.levee_suspension IS DISTINCT FROM OLD.levee_suspension OR NEW.levee_radiation IS DISTINCT FROM OLD.levee_radiation
                        OR NEW.signe_beneficiaire_le IS DISTINCT FROM OLD.signe_beneficiaire_le OR NEW.signe_referent_le IS DISTINCT FROM OLD.signe_referent_le
                        OR NEW.jeune_id IS DISTINCT FROM OLD.jeune_id OR NEW.structure_id IS DISTINCT FROM OLD.structure_id OR NEW.etat < 3) THEN
                        RAISE EXCEPTION 'CER-04: a signed CER does not change' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cers_signe_immuable', TABLE = 'cers';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER tr_cers_signe_immuable BEFORE UPDATE OR DELETE ON cers FOR EACH ROW EXECUTE FUNCTION cers_signe_immuable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tr_cers_signe_immuable ON cers; DROP FUNCTION IF EXISTS cers_signe_immuable();");

            migrationBuilder.DropTable(
                name: "cers");

            migrationBuilder.DropTable(
                name: "parcours_insertion");
        }
    }
}
