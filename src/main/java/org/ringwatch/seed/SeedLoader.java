package org.ringwatch.seed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Loads the reference data of db/seed/ (on the classpath as db/seed/) into the database.
 *
 * <p>Each file is applied in one transaction, so a bad row leaves nothing of its file behind.
 * Loading is idempotent (every write is an upsert or guarded insert) and a file already loaded
 * with the same SHA-256 is skipped, which keeps restarts fast. An advisory lock keeps two
 * instances starting together from loading at once.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final long LOCK_KEY = 0x52696e6757L;   // "RingW"
    /**
     * Part of every file's checksum: raise it when the loader derives something new from the
     * same files (issue #3 derived two columns of records_law; issue #9 the counties' FIPS codes,
     * from geo/county-overrides.csv and geo/us-albers.json too), so existing databases reload.
     */
    static final String LOADER_VERSION = "3";
    private static final List<SeedTable> TABLES = List.of(new RecordsLawSeed(), new HolidaySeed(), new PartnershipSeed());

    private final AgroalDataSource dataSource;

    public SeedLoader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one file's load did. */
    public record Result(String file, boolean skipped, int rows) {
    }

    /**
     * Loads every seed file in dependency order (states before the agencies that name them).
     *
     * @param force apply files even when their checksum says they are already loaded
     */
    public List<Result> loadAll(boolean force) {
        List<Result> results = new ArrayList<>();
        for (SeedTable table : TABLES) {
            results.add(load(table.file(), classpathFile(table.file()), force));
        }
        return results;
    }

    /**
     * Loads one file's content as the seed file of that name.
     *
     * @throws SeedException naming the file and line of the first bad row; nothing of the file is applied
     */
    public Result load(String file, byte[] content, boolean force) {
        SeedTable table = TABLES.stream().filter(t -> t.file().equals(file)).findFirst()
                .orElseThrow(() -> new SeedException(file, 1, "not a seed file RingWatch knows"));
        String text = utf8(file, content);
        String sha256 = sha256(content, LOADER_VERSION);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Sql.queryId(connection, "SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked", LOCK_KEY);
                Optional<Long> loaded = Sql.queryId(connection,
                        "SELECT row_count FROM seed_file WHERE name = ? AND sha256 = ?", file, sha256);
                if (loaded.isPresent() && !force) {
                    connection.rollback();
                    return new Result(file, true, loaded.get().intValue());
                }
                List<CsvReader.CsvRecord> rows = CsvReader.read(file, text);
                SeedTable.RowWriter writer = table.open(connection);
                for (CsvReader.CsvRecord row : rows) {
                    try {
                        writer.write(row);
                    } catch (SQLException e) {
                        // A constraint the row broke: PostgreSQL's message says which.
                        throw row.fail("the database refused the row: " + e.getMessage());
                    }
                }
                Sql.update(connection, """
                        INSERT INTO seed_file (name, sha256, row_count) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, row_count = EXCLUDED.row_count,
                                                         loaded_at = now()
                        """, file, sha256, rows.size());
                connection.commit();
                LOG.infof("Seed %s: %d rows applied", file, rows.size());
                return new Result(file, false, rows.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading " + file + " failed in the database: " + e.getMessage(), e);
        }
    }

    static byte[] classpathFile(String file) {
        String resource = "db/seed/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SeedException(resource, 0, "missing from the classpath (is db/seed/ mapped in pom.xml?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(String file, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new SeedException(file, 1, "the file is not valid UTF-8");
        }
    }

    private static String sha256(byte[] content, String loaderVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content);
            digest.update(("\nloader " + loaderVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
