package org.haven.web;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a request limit costs a request: one counted event ({@link Throttle#hit}, a short transaction of its own)
 * and one check ({@link Throttle#ensureBelow}, a single read), on an embedded H2 file database, or on the
 * PostgreSQL database given as the argument (which it migrates; use an empty one). The connection stays open, as
 * Liberty's pool keeps it. Not a test: it prints figures.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.haven.web.ThrottleBenchmark -Dexec.classpathScope=test
 * mvn -q test-compile exec:java -Dexec.mainClass=org.haven.web.ThrottleBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="jdbc:postgresql://127.0.0.1:5432/haven_bench postgres"
 * </pre>
 */
public final class ThrottleBenchmark {

    private static final int EVENTS = 5_000;
    private static final int KEYS = 500;

    private ThrottleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path h2Dir = null;
        DataSource database;
        if (args.length > 0) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(args[0]);
            pg.setUser(args.length > 1 ? args[1] : "postgres");
            pg.setPassword(args.length > 2 ? args[2] : "");
            database = pg;
        } else {
            h2Dir = Files.createTempDirectory("haven-throttle-benchmark");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:" + h2Dir.resolve("haven"));
            h2.setUser("haven");
            h2.setPassword("haven");
            database = h2;
        }
        Flyway.configure(ThrottleBenchmark.class.getClassLoader()).dataSource(database)
                .locations("classpath:db/migration").load().migrate();
        try (Connection open = database.getConnection()) {
            Throttle throttle = new Throttle(poolOfOne(open), Optional.of("benchmark"), Clock.systemUTC());
            for (int round = 1; round <= 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < EVENTS; i++) {
                    throttle.hit("posts", Integer.toString(i % KEYS), Integer.MAX_VALUE, Duration.ofHours(1), "x");
                }
                long counted = System.nanoTime() - start;
                start = System.nanoTime();
                for (int i = 0; i < EVENTS; i++) {
                    throttle.ensureBelow("posts", Integer.toString(i % KEYS), Integer.MAX_VALUE, Duration.ofHours(1), "x");
                }
                long checked = System.nanoTime() - start;
                System.out.printf("round %d on %s: a counted event %.1f µs, a check %.1f µs%n", round,
                        args.length > 0 ? "PostgreSQL" : "H2", counted / 1e3 / EVENTS, checked / 1e3 / EVENTS);
            }
        } finally {
            if (h2Dir != null) {
                try (var files = Files.walk(h2Dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** A data source that always hands out {@code open}, whose close() only gives it back, as a pool's does. */
    private static DataSource poolOfOne(Connection open) {
        ClassLoader loader = ThrottleBenchmark.class.getClassLoader();
        Connection pooled = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                (proxy, method, a) -> "close".equals(method.getName()) ? null : method.invoke(open, a));
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class},
                (proxy, method, a) -> {
                    if ("getConnection".equals(method.getName())) {
                        return pooled;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
