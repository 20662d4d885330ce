package org.ringwatch.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a backup directory holds, written last ({@code manifest.json}), so a backup without it did
 * not finish. Its own mapper: the file must read the same whatever the API's JSON settings become.
 *
 * @param format the layout of the directory; a restore refuses one it does not know
 * @param appVersion the RingWatch that wrote it
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param schemaVersion the Flyway version of the database; a restore migrates to exactly this before loading
 * @param nextXid the first transaction id the snapshot did not see: sync marks handed out before the
 *        backup are below it, so the restored database must hand out ids from here on
 * @param tables each table's COPY file
 * @param sequences each sequence's position
 * @param blobs every blob the database refers to; the key in the store is its SHA-256
 */
public record Manifest(int format, String appVersion, String createdAt, String schemaVersion, String nextXid,
        List<Table> tables, List<Sequence> sequences, List<Blob> blobs) {

    static final int FORMAT = 1;
    static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One table's rows, in PostgreSQL's COPY text format, gzipped.
     *
     * @param columns in the order the file holds them (generated columns are left out: PostgreSQL computes them)
     * @param file relative to the backup directory
     */
    public record Table(String name, List<String> columns, long rows, String file, long size, String sha256) {
    }

    public record Sequence(String name, long lastValue, boolean isCalled) {
    }

    /** @param key the blob's name in the store (its SHA-256) and under {@code blobs/} */
    public record Blob(String key, long size, String sha256) {
    }

    void write(Path directory) throws IOException {
        JSON.writeValue(directory.resolve(FILE).toFile(), this);
    }

    /** @throws BackupException when there is no manifest, or not one this version can read */
    static Manifest read(Path directory) {
        Path file = directory.resolve(FILE);
        Manifest manifest;
        try {
            manifest = JSON.readValue(Files.readString(file), Manifest.class);
        } catch (NoSuchFileException e) {
            throw new BackupException(directory + " holds no " + FILE + ": it is not a finished backup");
        } catch (JsonProcessingException e) {
            throw new BackupException(file + " cannot be read (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (manifest.format() != FORMAT || manifest.tables() == null || manifest.blobs() == null
                || manifest.sequences() == null || manifest.schemaVersion() == null || manifest.nextXid() == null) {
            throw new BackupException(file + " is not a backup manifest of format " + FORMAT
                    + " (made by RingWatch " + manifest.appVersion() + ")");
        }
        return manifest;
    }
}
