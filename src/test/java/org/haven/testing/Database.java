package org.haven.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;

/**
 * A direct connection to the database of the server under test, to check what Haven stores: the
 * PostgreSQL database of HAVEN_DB_URL, or the embedded H2 database, which the integration-test server
 * opens with AUTO_SERVER so that another process may connect.
 */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        if ("postgresql".equalsIgnoreCase(System.getenv("HAVEN_DB_KIND"))) {
            String password = System.getenv("HAVEN_DB_PASSWORD");
            return DriverManager.getConnection(System.getenv("HAVEN_DB_URL"), System.getenv("HAVEN_DB_USER"),
                    password == null ? "" : password);
        }
        Path file = Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "arquillianServer"),
                "data", "haven").toAbsolutePath();
        return DriverManager.getConnection("jdbc:h2:" + file + ";AUTO_SERVER=TRUE", "haven", "haven");
    }
}
