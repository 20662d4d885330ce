package org.ringwatch.backup;

import java.nio.file.Path;

/** The two commands' names and their one argument, the backup directory. */
public final class BackupCommand {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    private BackupCommand() {
    }

    public static boolean isOne(String[] arguments) {
        return arguments.length > 0 && (arguments[0].equals(BACKUP) || arguments[0].equals(RESTORE));
    }

    /** @throws BackupException when the directory is missing or more arguments follow */
    public static Path directory(String[] arguments) {
        if (arguments.length != 2 || arguments[1].isBlank()) {
            throw new BackupException("Usage: java -jar quarkus-run.jar " + arguments[0] + " DIR (the backup directory)");
        }
        return Path.of(arguments[1]);
    }
}
