using Npgsql;
using RemitCompare.Tests.Support;

namespace RemitCompare.Tests.Postgres;

[Category("Postgres")]
public sealed class PostgresClusterTests
{
    [Test]
    public void A_fresh_database_keeps_what_is_written_to_it()
    {
        var database = PostgresCluster.CreateDatabase();
        try
        {
            Execute(database, "CREATE TABLE corridors (code text PRIMARY KEY, services int NOT NULL)");
            Execute(database, "INSERT INTO corridors VALUES ('KEN-UGA', 7)");

            Assert.That(Scalar(database, "SELECT services FROM corridors WHERE code = 'KEN-UGA'"), Is.EqualTo(7));
        }
        finally
        {
            PostgresCluster.DropDatabase(database);
        }
    }

    [Test]
    public void A_database_cloned_from_a_template_starts_with_the_template_rows_and_writes_apart_from_it()
    {
        var template = PostgresCluster.CreateDatabase();
        string? clone = null;
        try
        {
            Execute(template, "CREATE TABLE corridors (code text PRIMARY KEY, services int NOT NULL)");
            Execute(template, "INSERT INTO corridors VALUES ('KEN-UGA', 7)");
            PostgresCluster.MarkTemplate(template);

            clone = PostgresCluster.CreateDatabase(template);
            Execute(clone, "UPDATE corridors SET services = 9");

            Assert.Multiple(() =>
            {
                Assert.That(Scalar(clone, "SELECT services FROM corridors WHERE code = 'KEN-UGA'"), Is.EqualTo(9));
                Assert.That(Scalar(template, "SELECT services FROM corridors WHERE code = 'KEN-UGA'"), Is.EqualTo(7));
            });
        }
        finally
        {
            if (clone is not null) PostgresCluster.DropDatabase(clone);
            PostgresCluster.DropDatabase(template);
        }
    }

    [Test]
    public void A_dropped_database_can_no_longer_be_opened()
    {
        var database = PostgresCluster.CreateDatabase();
        PostgresCluster.DropDatabase(database);

        var error = Assert.Throws<PostgresException>(() => Scalar(database, "SELECT 1"));
        Assert.That(error!.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidCatalogName));
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static int Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
