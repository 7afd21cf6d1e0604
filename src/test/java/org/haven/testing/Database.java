package org.haven.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A direct connection to the database of the server under test, to check what Haven stores: the
 * PostgreSQL database of HAVEN_DB_URL, or the embedded H2 database, which the integration-test server
 * opens with AUTO_SERVER so that another process may connect.
 */
public final class Database {

    private Database() {
    }

    /**
     * The same database as a {@link DataSource}, e.g. for a second node of Haven's own parts run by a test
     * beside the server.
     */
    public static DataSource dataSource() {
        if ("postgresql".equalsIgnoreCase(System.getenv("HAVEN_DB_KIND"))) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(System.getenv("HAVEN_DB_URL"));
            pg.setUser(System.getenv("HAVEN_DB_USER"));
            String password = System.getenv("HAVEN_DB_PASSWORD");
            pg.setPassword(password == null ? "" : password);
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + h2File() + ";AUTO_SERVER=TRUE");
        h2.setUser("haven");
        h2.setPassword("haven");
        return h2;
    }

    private static Path h2File() {
        return Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "arquillianServer"),
                "data", "haven").toAbsolutePath();
    }

    public static Connection connect() throws SQLException {
        if ("postgresql".equalsIgnoreCase(System.getenv("HAVEN_DB_KIND"))) {
            String password = System.getenv("HAVEN_DB_PASSWORD");
            return DriverManager.getConnection(System.getenv("HAVEN_DB_URL"), System.getenv("HAVEN_DB_USER"),
                    password == null ? "" : password);
        }
        return DriverManager.getConnection("jdbc:h2:" + h2File() + ";AUTO_SERVER=TRUE", "haven", "haven");
    }
}
