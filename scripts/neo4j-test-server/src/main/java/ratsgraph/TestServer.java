package ratsgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Throw-away Neo4j Community server for tests.
 *
 * <p>Starts an embedded DBMS in a fresh temporary directory with a Bolt connector on
 * 127.0.0.1 (a free port, or NEO4J_TEST_BOLT_PORT), prints exactly one line
 * {@code BOLT_URI=bolt://127.0.0.1:PORT} to stdout once the server answers, and then runs until
 * stdin reaches EOF (the parent process went away or closed the pipe) or the JVM gets
 * SIGTERM/SIGINT. The store is deleted on shutdown, unless NEO4J_TEST_DATA_DIR names a directory
 * to keep it in.
 *
 * <p>Environment:
 * <ul>
 *   <li>NEO4J_TEST_PASSWORD: if set (at least 8 characters), auth is enabled and user
 *       {@code neo4j} gets this password; otherwise auth is disabled.</li>
 *   <li>NEO4J_TEST_BOLT_PORT: fixed Bolt port instead of a free one.</li>
 *   <li>NEO4J_TEST_PAGECACHE: page cache size (default 128m).</li>
 *   <li>NEO4J_TEST_IGNORE_STDIN=1: do not stop on stdin EOF, only on a signal.</li>
 *   <li>NEO4J_TEST_DATA_DIR: keep the DBMS home (databases and transaction logs) in this
 *       directory and do not delete it on shutdown, so a server started again with the same
 *       directory sees the same data (also after SIGKILL: Neo4j recovers from its logs).</li>
 * </ul>
 *
 * <p>Everything Neo4j or its libraries print goes to stderr; stdout carries only the
 * BOLT_URI line.
 */
public final class TestServer {

    private TestServer() {}

    public static void main(String[] args) throws Exception {
        // Keep stdout for the handshake line only.
        PrintStream handshake = System.out;
        System.setOut(System.err);

        Map<String, String> env = System.getenv();
        String password = emptyToNull(env.get("NEO4J_TEST_PASSWORD"));
        if (password != null && password.length() < 8) {
            System.err.println("NEO4J_TEST_PASSWORD must have at least 8 characters");
            System.exit(2);
        }
        String fixedPort = emptyToNull(env.get("NEO4J_TEST_BOLT_PORT"));
        String pageCache = env.getOrDefault("NEO4J_TEST_PAGECACHE", "128m");
        boolean ignoreStdin = "1".equals(env.get("NEO4J_TEST_IGNORE_STDIN"));

        String dataDir = emptyToNull(env.get("NEO4J_TEST_DATA_DIR"));
        boolean keep = dataDir != null;
        Path home = keep
                ? Files.createDirectories(Path.of(dataDir).toAbsolutePath())
                : Files.createTempDirectory("ratsgraph-neo4j-");

        DatabaseManagementService dbms = null;
        int port = -1;
        RuntimeException lastFailure = null;
        int attempts = fixedPort != null ? 1 : 5;
        for (int i = 0; i < attempts && dbms == null; i++) {
            port = fixedPort != null ? Integer.parseInt(fixedPort) : freePort();
            // A kept home is always the same directory, whatever the attempt.
            Path attemptHome = keep ? home.resolve("dbms") : home.resolve("dbms-" + i);
            try {
                dbms = start(attemptHome, port, password != null, pageCache);
            } catch (RuntimeException e) {
                // Most likely someone grabbed the port between probe and bind: retry.
                lastFailure = e;
                System.err.println("Neo4j start on port " + port + " failed: " + e);
            }
        }
        if (dbms == null) {
            if (!keep) {
                deleteQuietly(home);
            }
            throw lastFailure;
        }

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (password != null) {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
        // Warm-up query: the database is open and Cypher works.
        db.executeTransactionally("RETURN 1");

        final DatabaseManagementService running = dbms;
        final AtomicBoolean stopped = new AtomicBoolean(false);
        final CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                long t0 = System.nanoTime();
                try {
                    running.shutdown();
                    System.err.printf("ratsgraph neo4j test server stopped in %d ms%n",
                            (System.nanoTime() - t0) / 1_000_000);
                } catch (RuntimeException e) {
                    System.err.println("Neo4j shutdown failed: " + e);
                } finally {
                    if (!keep) {
                        deleteQuietly(home);
                    }
                    done.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                done.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "ratsgraph-neo4j-shutdown"));

        handshake.println("BOLT_URI=bolt://127.0.0.1:" + port);
        handshake.flush();
        System.err.println("ratsgraph neo4j test server ready on 127.0.0.1:" + port
                + " (auth " + (password != null ? "enabled" : "disabled") + ", home " + home + ")");

        if (!ignoreStdin) {
            InputStream in = System.in;
            byte[] buf = new byte[256];
            try {
                while (in.read(buf) >= 0) {
                    // discard; we only care about EOF
                }
            } catch (IOException ignored) {
                // treat as EOF
            }
            stop.run();
            System.exit(0);
        } else {
            done.await();
        }
    }

    private static DatabaseManagementService start(Path home, int port, boolean auth, String pageCache) {
        SocketAddress address = new SocketAddress("127.0.0.1", port);
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default graceful shutdown (quiet period + timeout) adds ~10 s to every
                // stop; a test server has nothing to drain.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static long parseBytes(String value) {
        String v = value.trim().toLowerCase();
        long mult = 1;
        char last = v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            mult = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
