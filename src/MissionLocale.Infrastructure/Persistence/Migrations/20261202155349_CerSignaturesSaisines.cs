using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CerSignaturesSaisines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_parcours_insertion_jeune_id",
                table: "parcours_insertion");

            migrationBuilder.DropIndex(
                name: "ix_cers_parcours_id",
                table: "cers");

            migrationBuilder.AlterColumn<string>(
                name: "valeur",
                table: "parametres_regle",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "nouvelle_valeur",
                table: "historique_referentiel",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "ancienne_valeur",
                table: "historique_referentiel",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "empreinte",
                table: "documents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "amende_id",
                table: "cers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decide_le",
                table: "cers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "decide_par",
                table: "cers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "document_id",
                table: "cers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "fin_prevue",
                table: "cers",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "referent_signataire_id",
                table: "cers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "scan_signe_papier_id",
                table: "cers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "signature_beneficiaire",
                table: "cers",
                type: "bytea",
                maxLength: 200000,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "signature_referent",
                table: "cers",
                type: "bytea",
                maxLength: 200000,
                nullable: true);

            // CER-03 / CER-08: the stored end and the documents' SHA-256 for the rows already there.
            migrationBuilder.Sql("""
                UPDATE documents SET empreinte = encode(sha256(contenu), 'hex');
                UPDATE cers SET fin_prevue = (debut + make_interval(months => duree_mois) - interval '1 day')::date;
                """);

            // CER-04: the signatures, the end, the amended CER and the archived PDF join what a signed CER never changes.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION cers_signe_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- RGPD-03: the anonymisation (and only it) erases a signed CER's personal content, in its own transaction.
                    IF current_setting('missionlocale.rgpd_effacement', true) = 'on' THEN
                        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                    END IF;
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
                        OR NEW.fin_prevue IS DISTINCT FROM OLD.fin_prevue OR NEW.amende_id IS DISTINCT FROM OLD.amende_id
                        OR NEW.levee_suspension IS DISTINCT FROM OLD.levee_suspension OR NEW.levee_radiation IS DISTINCT FROM OLD.levee_radiation
                        OR NEW.signe_beneficiaire_le IS DISTINCT FROM OLD.signe_beneficiaire_le OR NEW.signe_referent_le IS DISTINCT FROM OLD.signe_referent_le
                        OR NEW.signature_beneficiaire IS DISTINCT FROM OLD.signature_beneficiaire OR NEW.signature_referent IS DISTINCT FROM OLD.signature_referent
                        OR NEW.scan_signe_papier_id IS DISTINCT FROM OLD.scan_signe_papier_id OR NEW.referent_signataire_id IS DISTINCT FROM OLD.referent_signataire_id
                        OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id)
                        OR NEW.jeune_id IS DISTINCT FROM OLD.jeune_id OR NEW.structure_id IS DISTINCT FROM OLD.structure_id OR NEW.etat < 3) THEN
                        RAISE EXCEPTION 'CER-04: a signed CER does not change' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_cers_signe_immuable', TABLE = 'cers';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE FUNCTION documents_immuable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('missionlocale.rgpd_effacement', true) = 'on' THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'CER-08: a stored document does not change' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_documents_immuable', TABLE = 'documents';
                END $$;
                CREATE TRIGGER tr_documents_immuable BEFORE UPDATE OF contenu, empreinte, taille ON documents FOR EACH ROW EXECUTE FUNCTION documents_immuable();
                """);

            migrationBuilder.CreateTable(
                name: "saisines_ep",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    cree_le = table.Column<DateOnly>(type: "date", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    motif = table.Column<int>(type: "integer", nullable: false),
                    decision_proposee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type_cible = table.Column<int>(type: "integer", nullable: true),
                    structure_cible = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    commentaire_insertion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    etat = table.Column<int>(type: "integer", nullable: false),
                    commission = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    date_commission = table.Column<DateOnly>(type: "date", nullable: true),
                    decision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sanction_active = table.Column<bool>(type: "boolean", nullable: false),
                    commentaire_validation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    avis_document_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saisines_ep", x => x.id);
                    table.CheckConstraint("ck_saisines_ep_inscrite", "etat = 1 OR etat = 4 OR (commission IS NOT NULL AND date_commission IS NOT NULL)");
                    table.CheckConstraint("ck_saisines_ep_refus", "etat <> 4 OR commentaire_validation IS NOT NULL");
                    table.CheckConstraint("ck_saisines_ep_reorientation", "motif <> 8 OR (type_cible IN (1, 2, 3) AND structure_cible IS NOT NULL AND structure_cible <> '')");
                    table.ForeignKey(
                        name: "fk_saisines_ep_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_parcours_insertion_jeune",
                table: "parcours_insertion",
                column: "jeune_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cers_structure_id_etat_fin_prevue",
                table: "cers",
                columns: new[] { "structure_id", "etat", "fin_prevue" });

            migrationBuilder.CreateIndex(
                name: "ux_cers_en_preparation",
                table: "cers",
                column: "parcours_id",
                unique: true,
                filter: "etat IN (1, 2, 3, 4)");

            migrationBuilder.CreateIndex(
                name: "ix_saisines_ep_jeune_id_etat",
                table: "saisines_ep",
                columns: new[] { "jeune_id", "etat" });

            migrationBuilder.CreateIndex(
                name: "ix_saisines_ep_structure_id_etat",
                table: "saisines_ep",
                columns: new[] { "structure_id", "etat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tr_documents_immuable ON documents; DROP FUNCTION IF EXISTS documents_immuable();");

            migrationBuilder.DropTable(
                name: "saisines_ep");

            migrationBuilder.DropIndex(
                name: "ux_parcours_insertion_jeune",
                table: "parcours_insertion");

            migrationBuilder.DropIndex(
                name: "ix_cers_structure_id_etat_fin_prevue",
                table: "cers");

            migrationBuilder.DropIndex(
                name: "ux_cers_en_preparation",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "empreinte",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "amende_id",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "decide_le",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "decide_par",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "document_id",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "fin_prevue",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "referent_signataire_id",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "scan_signe_papier_id",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "signature_beneficiaire",
                table: "cers");

            migrationBuilder.DropColumn(
                name: "signature_referent",
                table: "cers");

            migrationBuilder.AlterColumn<string>(
                name: "valeur",
                table: "parametres_regle",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "nouvelle_valeur",
                table: "historique_referentiel",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "ancienne_valeur",
                table: "historique_referentiel",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_parcours_insertion_jeune_id",
                table: "parcours_insertion",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_cers_parcours_id",
                table: "cers",
                column: "parcours_id");
        }
    }
}
