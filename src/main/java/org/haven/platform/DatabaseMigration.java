package org.haven.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration}. The same migrations
 * run on H2 and PostgreSQL; EclipseLink never generates DDL. Flyway takes a database lock, so several
 * nodes starting at once on PostgreSQL migrate once. On Liberty, Flyway finds a classpath folder only
 * when it holds an empty {@code flyway.location} marker (db/migration and db/callback both have one).
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/haven")
    DataSource dataSource;

    void migrate() {
        var result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * What tells this database from any other: when its first migration ran. A search index remembers it, so that an
     * index built from another database (a replaced one, or H2 before PostgreSQL) is never served.
     */
    public String installation() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet first = statement.executeQuery(
                        "SELECT \"installed_on\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'")) {
            return first.next() ? String.valueOf(first.getTimestamp(1).toInstant()) : "unknown";
        } catch (SQLException e) {
            throw new IllegalStateException("The schema history cannot be read", e);
        }
    }
}
