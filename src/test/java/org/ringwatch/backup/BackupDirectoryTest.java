package org.ringwatch.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a restore checks before it applies anything: every file of the backup against the manifest. */
class BackupDirectoryTest {

    @TempDir
    Path backup;

    @Test
    void shouldAcceptABackupWhoseFilesMatchTheManifest() throws IOException {
        Manifest written = write("some bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(written, BackupDirectory.verify(backup));
    }

    @Test
    void shouldNameABlobThatWasChanged() throws IOException {
        Manifest written = write("some bytes".getBytes(StandardCharsets.UTF_8));
        String key = written.blobs().get(0).key();
        Files.writeString(BackupDirectory.blobFile(backup, key), "Some bytes");
        BackupException refused = assertThrows(BackupException.class, () -> BackupDirectory.verify(backup));
        assertThat(refused.getMessage(), containsString("The blob " + key + " in "));
        assertThat(refused.getMessage(), containsString("does not match its SHA-256"));
    }

    @Test
    void shouldNameAMissingTableFile() throws IOException {
        write("some bytes".getBytes(StandardCharsets.UTF_8));
        Files.delete(backup.resolve("database/account.copy.gz"));
        BackupException refused = assertThrows(BackupException.class, () -> BackupDirectory.verify(backup));
        assertThat(refused.getMessage(), containsString("The file of table account (database/account.copy.gz) is missing"));
    }

    @Test
    void shouldRefuseABlobNamedOutsideTheBackup() throws IOException {
        BackupDirectory.create(backup);
        new Manifest(Manifest.FORMAT, "test", "2027-06-01T00:00:00Z", "14", "800", List.of(), List.of(),
                List.of(new Manifest.Blob("../../etc/passwd", 1, "../../etc/passwd"))).write(backup);
        BackupException refused = assertThrows(BackupException.class, () -> BackupDirectory.verify(backup));
        assertThat(refused.getMessage(), containsString("which is not its SHA-256"));
    }

    @Test
    void shouldCallADirectoryWithoutAManifestUnfinished() throws IOException {
        BackupDirectory.create(backup);
        BackupException refused = assertThrows(BackupException.class, () -> BackupDirectory.verify(backup));
        assertThat(refused.getMessage(), containsString("holds no manifest.json: it is not a finished backup"));
    }

    @Test
    void shouldWriteABackupOnlyIntoANewOrEmptyDirectory() throws IOException {
        Files.writeString(backup.resolve("something"), "else");
        BackupException refused = assertThrows(BackupException.class, () -> BackupDirectory.create(backup));
        assertThat(refused.getMessage(), containsString("is not empty"));
    }

    private Manifest write(byte[] blob) throws IOException {
        BackupDirectory.create(backup);
        String key = BackupDirectory.sha256(new ByteArrayInputStream(blob));
        Files.write(BackupDirectory.blobFile(backup, key), blob);
        byte[] table = "1\tsomeone@example.org\n".getBytes(StandardCharsets.UTF_8);
        Files.write(backup.resolve("database/account.copy.gz"), table);
        Manifest manifest = new Manifest(Manifest.FORMAT, "test", "2027-06-01T00:00:00Z", "14", "800",
                List.of(new Manifest.Table("account", List.of("id", "email"), 1, "database/account.copy.gz", table.length,
                        BackupDirectory.sha256(new ByteArrayInputStream(table)))),
                List.of(new Manifest.Sequence("account_id_seq", 1, true)),
                List.of(new Manifest.Blob(key, blob.length, key)));
        manifest.write(backup);
        return manifest;
    }
}
