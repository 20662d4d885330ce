package org.ringwatch.backup;

/** A backup or restore that cannot go on; the message is the one line the operator reads. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
