using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionLocale.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaysCog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "code_insee",
                table: "pays",
                type: "character(5)",
                fixedLength: true,
                maxLength: 5,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_pays_code_insee",
                table: "pays",
                column: "code_insee",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pays_code_insee",
                table: "pays");

            migrationBuilder.DropColumn(
                name: "code_insee",
                table: "pays");
        }
    }
}
