using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DureeMinMois : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duree_min_mois",
                table: "types_dispositif",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // CEJ-07: the 6-month minimum counted in calendar months, not as 180 days.
            migrationBuilder.Sql("UPDATE types_dispositif SET duree_min_mois = 6, duree_min_jours = 1 WHERE code = 'CEJ' AND duree_min_jours = 180;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duree_min_mois",
                table: "types_dispositif");
        }
    }
}
