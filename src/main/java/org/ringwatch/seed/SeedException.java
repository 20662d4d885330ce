package org.ringwatch.seed;

/** A seed file that cannot be loaded; the message names the file and the line. */
public final class SeedException extends RuntimeException {

    private final String file;
    private final int line;

    public SeedException(String file, int line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
