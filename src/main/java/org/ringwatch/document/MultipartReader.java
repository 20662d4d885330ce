package org.ringwatch.document;

import org.ringwatch.web.MalformedUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives, so a file part
 * can be hashed and written while its bytes come in, never held whole: the framework's parser
 * spools each file before the resource sees it, and that spool file was a second pass over the
 * bytes. Each part's body is an {@link InputStream} that ends at the next delimiter; {@link #next}
 * skips what the caller left unread of the previous part.
 *
 * <p>A body that stops before its closing delimiter (a client that went away, a proxy that cut it)
 * is a {@link MalformedUpload}, so a truncated file is never taken for a complete one.
 */
final class MultipartReader {

    /** Refill unit; larger than a delimiter (at most 74 bytes), so each fill gives bytes out. */
    private static final int BUFFER = 64 * 1024;
    /** One part's header block: a name, a file name (at most a few hundred bytes), a type. */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]{1,70})\"|([^;\\s\"]{1,70}))");

    /** One part: its form field name, the file name if it is a file, and its bytes. */
    record Part(String name, String fileName, InputStream body) {
        boolean isFile() {
            return fileName != null;
        }
    }

    private final InputStream in;
    /** CRLF "--" boundary: what ends every part. */
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean finished;
    private PartBody current;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER];
        // The first delimiter may open the body, without the CRLF the others have: lending it one
        // makes the preamble an ordinary (empty) part before it.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        current = new PartBody();
    }

    /**
     * The boundary from a Content-Type header ({@code multipart/form-data; boundary=...}).
     *
     * @throws MalformedUpload when there is none or it is not a valid one
     */
    static String boundary(String contentType) throws MalformedUpload {
        Matcher matcher = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!matcher.find()) {
            throw new MalformedUpload("The body is not multipart/form-data with a boundary.");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        current.skipRest();
        // After a delimiter: "--" closes the body; else optional spaces, then CRLF and headers.
        require(2);
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        String line = readLine();
        if (!line.isBlank()) {
            throw new MalformedUpload("A multipart delimiter is followed by something else than a line end.");
        }
        String name = null;
        String fileName = null;
        int headerBytes = 0;
        for (String header; !(header = readLine()).isEmpty(); ) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new MalformedUpload("A part's headers are too long.");
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                String disposition = header.substring(colon + 1);
                name = parameter(disposition, "name");
                fileName = parameter(disposition, "filename");
            }
        }
        if (name == null) {
            throw new MalformedUpload("A part has no Content-Disposition with a name.");
        }
        current = new PartBody();
        return new Part(name, fileName, current);
    }

    /**
     * A parameter of a Content-Disposition value: quoted (backslash escapes taken literally) or a
     * bare token; null when absent.
     */
    static String parameter(String header, String wanted) throws MalformedUpload {
        int i = 0;
        int n = header.length();
        while (i < n) {
            int semicolon = header.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            i = semicolon + 1;
            while (i < n && header.charAt(i) == ' ' || i < n && header.charAt(i) == '\t') {
                i++;
            }
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                return null;
            }
            String key = header.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                for (i++; i < n && header.charAt(i) != '"'; i++) {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                }
                if (i >= n) {
                    // A line break inside a quoted name ends the header line early.
                    throw new MalformedUpload("A part's " + key + " has no closing quote: a file name with a line"
                            + " break in it?");
                }
                i++;   // the closing quote
            } else {
                for (; i < n && header.charAt(i) != ';'; i++) {
                    value.append(header.charAt(i));
                }
            }
            if (key.equals(wanted)) {
                return value.toString().trim();
            }
        }
        return null;
    }

    /** A header line (UTF-8, as browsers send file names), without its CRLF. */
    private String readLine() throws IOException {
        int from = position;
        while (true) {
            for (int i = from; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.UTF_8);
                    position = i + 1;
                    return line;
                }
            }
            if (limit - position >= MAX_HEADER_BYTES) {
                throw new MalformedUpload("A part's header line is too long.");
            }
            from = limit - position;
            if (!fill()) {
                throw new MalformedUpload("The body ends inside a part's headers: the upload did not arrive whole.");
            }
            from += position;
        }
    }

    /** Makes at least {@code count} bytes available from {@link #position}. */
    private void require(int count) throws IOException {
        while (limit - position < count) {
            if (!fill()) {
                throw new MalformedUpload("The body ends before its closing delimiter: the upload did not arrive whole.");
            }
        }
    }

    /**
     * Moves the unread bytes to the front and reads once more after them.
     *
     * @return false at the end of the input
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            current.shift(position);
            limit -= position;
            position = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        // The connection hands bytes over in small chunks (8 KiB): take those already waiting too,
        // so the file is written in larger steps, without waiting for more.
        while (limit < buffer.length && in.available() > 0 && (n = in.read(buffer, limit, buffer.length - limit)) > 0) {
            limit += n;
        }
        return true;
    }

    /** The bytes of one part, up to (not including) the next delimiter, which it consumes. */
    private final class PartBody extends InputStream {
        /** Positions before this cannot start a delimiter: the search resumes here. */
        private int searched = position;
        /** Where the delimiter starts in the buffer, once found; -1 before. */
        private int delimiterAt = -1;
        private boolean done;

        /** The buffer's bytes moved down by {@code by}. */
        void shift(int by) {
            searched = Math.max(0, searched - by);
            if (delimiterAt >= 0) {
                delimiterAt -= by;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int end = readable();
            if (end < 0) {
                return -1;
            }
            int n = Math.min(length, end - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        /** Reads past the rest of this part. */
        void skipRest() throws IOException {
            while (!done) {
                int end = readable();
                if (end >= 0) {
                    position = end;
                }
            }
        }

        /**
         * Waits until this part has bytes to hand out: the end of those that may be handed out now
         * (short of a delimiter still arriving), or -1 once the part's delimiter is reached (passed).
         */
        private int readable() throws IOException {
            int end;
            while ((end = safeEnd()) == position && delimiterAt != position) {
                if (!fill()) {
                    throw new MalformedUpload("The body ends inside a part: the upload did not arrive whole.");
                }
            }
            if (delimiterAt == position) {
                position += delimiter.length;
                done = true;
                return -1;
            }
            return end;
        }

        /**
         * How far the buffer holds bytes of this part: up to the delimiter if it is in the buffer,
         * else up to where a delimiter could still begin with bytes not read yet.
         */
        private int safeEnd() {
            if (delimiterAt < 0) {
                byte first = delimiter[0];
                int last = limit - delimiter.length;
                int i = Math.max(searched, position);
                search:
                for (; i <= last; i++) {
                    if (buffer[i] != first) {
                        continue;
                    }
                    for (int k = 1; k < delimiter.length; k++) {
                        if (buffer[i + k] != delimiter[k]) {
                            continue search;
                        }
                    }
                    delimiterAt = i;
                    break;
                }
                searched = Math.max(i, position);
            }
            return delimiterAt >= 0 ? delimiterAt : Math.max(position, limit - delimiter.length + 1);
        }
    }
}
