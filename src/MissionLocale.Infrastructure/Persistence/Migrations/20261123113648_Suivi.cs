using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Suivi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categorie = table.Column<int>(type: "integer", nullable: false),
                    nom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type_mime = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contenu = table.Column<byte[]>(type: "bytea", nullable: false),
                    taille = table.Column<int>(type: "integer", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    cree_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rendez_vous_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domaines_proposition",
                columns: table => new
                {
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    libelle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actif = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domaines_proposition", x => new { x.structure_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "modeles_lettre",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    categorie = table.Column<int>(type: "integer", nullable: false),
                    titre = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    corps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    actif = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_modeles_lettre", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offres_de_service",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    domaine_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    referent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offres_de_service", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rendez_vous",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nature = table.Column<int>(type: "integer", nullable: false),
                    modalite = table.Column<int>(type: "integer", nullable: false),
                    objet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    intervenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    antenne_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    debut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fin = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rappel_email = table.Column<bool>(type: "boolean", nullable: false),
                    rappel_sms = table.Column<bool>(type: "boolean", nullable: false),
                    statut = table.Column<int>(type: "integer", nullable: false),
                    motif_absence = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rendez_vous", x => x.id);
                    table.CheckConstraint("ck_rendez_vous_absence", "statut <> 3 OR motif_absence IS NOT NULL");
                    table.CheckConstraint("ck_rendez_vous_dates", "fin > debut");
                    table.ForeignKey(
                        name: "fk_rendez_vous_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "situations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cree_par = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    date_debut = table.Column<DateOnly>(type: "date", nullable: false),
                    date_fin = table.Column<DateOnly>(type: "date", nullable: false),
                    type_contrat = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    employeur = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    organisme = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    objectif_general = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    validation_preparee = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    niveau = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    mesure = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    date_interruption = table.Column<DateOnly>(type: "date", nullable: true),
                    motif_interruption = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_situations", x => x.id);
                    table.CheckConstraint("ck_situations_dates", "date_fin >= date_debut");
                    table.CheckConstraint("ck_situations_interruption", "(date_interruption IS NULL AND motif_interruption IS NULL) OR (date_interruption < date_fin AND motif_interruption IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_situations_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "propositions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evenement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    domaine_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    offre_id = table.Column<Guid>(type: "uuid", nullable: true),
                    libelle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    etat = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_propositions", x => x.id);
                    table.ForeignKey(
                        name: "fk_propositions_evenements_evenement_id",
                        column: x => x.evenement_id,
                        principalTable: "evenements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_propositions_offres_de_service_offre_id",
                        column: x => x.offre_id,
                        principalTable: "offres_de_service",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    offre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    structure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duree_minutes = table.Column<int>(type: "integer", nullable: false),
                    lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacite = table.Column<int>(type: "integer", nullable: false),
                    inscrits = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.id);
                    table.CheckConstraint("ck_sessions_capacite", "inscrits >= 0 AND inscrits <= capacite");
                    table.ForeignKey(
                        name: "fk_sessions_offres_de_service_offre_id",
                        column: x => x.offre_id,
                        principalTable: "offres_de_service",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "positionnements",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jeune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    positionne_le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positionnements", x => new { x.session_id, x.jeune_id });
                    table.ForeignKey(
                        name: "fk_positionnements_jeunes_jeune_id",
                        column: x => x.jeune_id,
                        principalTable: "jeunes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_positionnements_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evenements_conseiller_id_date",
                table: "evenements",
                columns: new[] { "conseiller_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_documents_jeune_id_cree_le",
                table: "documents",
                columns: new[] { "jeune_id", "cree_le" });

            migrationBuilder.CreateIndex(
                name: "ix_modeles_lettre_structure_id_categorie",
                table: "modeles_lettre",
                columns: new[] { "structure_id", "categorie" });

            migrationBuilder.CreateIndex(
                name: "ix_offres_de_service_structure_id_libelle",
                table: "offres_de_service",
                columns: new[] { "structure_id", "libelle" });

            migrationBuilder.CreateIndex(
                name: "ix_positionnements_jeune_id",
                table: "positionnements",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_evenement_id",
                table: "propositions",
                column: "evenement_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_jeune_id",
                table: "propositions",
                column: "jeune_id");

            migrationBuilder.CreateIndex(
                name: "ix_propositions_offre_id",
                table: "propositions",
                column: "offre_id");

            migrationBuilder.CreateIndex(
                name: "ix_rendez_vous_intervenant_id_debut",
                table: "rendez_vous",
                columns: new[] { "intervenant_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_rendez_vous_jeune_id_debut",
                table: "rendez_vous",
                columns: new[] { "jeune_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_offre_id",
                table: "sessions",
                column: "offre_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_structure_id_debut",
                table: "sessions",
                columns: new[] { "structure_id", "debut" });

            migrationBuilder.CreateIndex(
                name: "ix_situations_jeune_id_date_debut",
                table: "situations",
                columns: new[] { "jeune_id", "date_debut" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "domaines_proposition");

            migrationBuilder.DropTable(
                name: "modeles_lettre");

            migrationBuilder.DropTable(
                name: "positionnements");

            migrationBuilder.DropTable(
                name: "propositions");

            migrationBuilder.DropTable(
                name: "rendez_vous");

            migrationBuilder.DropTable(
                name: "situations");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "offres_de_service");

            migrationBuilder.DropIndex(
                name: "ix_evenements_conseiller_id_date",
                table: "evenements");
        }
    }
}
