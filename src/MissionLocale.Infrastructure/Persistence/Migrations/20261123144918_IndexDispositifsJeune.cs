using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IndexDispositifsJeune : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_dispositifs_jeune_id",
                table: "dispositifs",
                column: "jeune_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dispositifs_jeune_id",
                table: "dispositifs");
        }
    }
}
