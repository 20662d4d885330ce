package org.ringwatch.document;

import org.junit.jupiter.api.Test;
import org.ringwatch.web.MalformedUpload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming multipart reader, on bodies cut into every kind of piece a connection delivers. */
class MultipartReaderTest {

    private static final String BOUNDARY = "----RingWatchBoundary7MA4YWxkTrZu0gW";

    /** What a part turned out to be. */
    record Read(String name, String fileName, byte[] bytes) {
    }

    @Test
    void shouldReadFieldsAndFilesWhateverPiecesTheBodyArrivesIn() throws IOException {
        byte[] file = awkwardBytes();
        byte[] body = body(file);
        for (int piece : new int[] {1, 2, 3, 7, BOUNDARY.length() + 3, 4095, 65536, body.length}) {
            List<Read> parts = readAll(new Pieces(body, piece, null));
            assertParts(parts, file, "pieces of " + piece);
        }
        Random random = new Random(12);
        for (int run = 0; run < 50; run++) {
            assertParts(readAll(new Pieces(body, 0, random)), file, "random pieces, run " + run);
        }
    }

    @Test
    void shouldSkipWhatACallerDoesNotReadOfAPart() throws IOException {
        byte[] file = awkwardBytes();
        MultipartReader reader = new MultipartReader(new Pieces(body(file), 5, null), BOUNDARY);
        assertEquals("csrf-token", reader.next().name());
        MultipartReader.Part first = reader.next();
        assertEquals(10, first.body().readNBytes(10).length);
        assertEquals("publisher", reader.next().name(), "the rest of the file part was read past");
        assertEquals("file", reader.next().name());
        assertNull(reader.next());
        assertNull(reader.next(), "still the end");
    }

    @Test
    void shouldRefuseABodyCutOffAnywhere() {
        byte[] body = body(awkwardBytes());
        for (int cut : new int[] {0, 10, BOUNDARY.length() + 4, 200, body.length / 2, body.length - 5,
                body.length - 3}) {
            byte[] truncated = java.util.Arrays.copyOf(body, cut);
            assertThrows(MalformedUpload.class, () -> readAll(new Pieces(truncated, 1000, null)), "cut at " + cut);
        }
    }

    @Test
    void shouldReadTheBoundaryFromTheContentType() throws MalformedUpload {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b:c", MultipartReader.boundary("application/x-ringwatch-multipart; Boundary=\"a b:c\"; x=1"));
        assertThrows(MalformedUpload.class, () -> MultipartReader.boundary("multipart/form-data"));
        assertThrows(MalformedUpload.class, () -> MultipartReader.boundary(null));
    }

    @Test
    void shouldReadQuotedNamesAndRefuseOneCutByALineBreak() throws IOException {
        assertEquals("a \"b\".pdf", MultipartReader.parameter("form-data; name=\"file\"; filename=\"a \\\"b\\\".pdf\"",
                "filename"));
        assertEquals("file", MultipartReader.parameter("form-data; name=file; filename=\"x;name=y\"", "name"));
        assertEquals("x;name=y", MultipartReader.parameter("form-data; name=file; filename=\"x;name=y\"", "filename"));
        assertNull(MultipartReader.parameter("form-data; name=\"file\"", "filename"));
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"agreement\r\n"
                + ".txt\"\r\n\r\nThe Ring agreement\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedUpload.class, () -> readAll(new ByteArrayInputStream(body)));
    }

    @Test
    void shouldIgnoreThePreambleAndTheEpilogue() throws IOException {
        byte[] body = ("This is the preamble.\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"publisher\"\r\n\r\nThe Gazette\r\n--" + BOUNDARY + "--\r\n"
                + "epilogue, not a part\r\n").getBytes(StandardCharsets.UTF_8);
        List<Read> parts = readAll(new ByteArrayInputStream(body));
        assertEquals(1, parts.size());
        assertEquals("The Gazette", new String(parts.get(0).bytes(), StandardCharsets.UTF_8));
    }

    private static void assertParts(List<Read> parts, byte[] file, String how) {
        assertEquals(4, parts.size(), how);
        assertEquals("csrf-token", parts.get(0).name(), how);
        assertEquals("tok3n", new String(parts.get(0).bytes(), StandardCharsets.UTF_8), how);
        assertNull(parts.get(0).fileName(), how);
        assertEquals("file", parts.get(1).name(), how);
        assertEquals("Memo für die Stadt.pdf", parts.get(1).fileName(), how);
        assertArrayEquals(file, parts.get(1).bytes(), how);
        assertEquals("publisher", parts.get(2).name(), how);
        assertEquals("", new String(parts.get(2).bytes(), StandardCharsets.UTF_8), how);
        assertEquals("", parts.get(3).fileName(), how);
        assertEquals(0, parts.get(3).bytes().length, how);
    }

    /**
     * A file whose bytes look like the delimiter in every way but the whole: CR LF, dashes, the
     * boundary without its last character, the boundary after a lone LF.
     */
    private static byte[] awkwardBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        String almost = BOUNDARY.substring(0, BOUNDARY.length() - 1);
        for (int i = 0; i < 300; i++) {
            out.writeBytes(("\r\n--" + almost + "\r\r\n-\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] noise = new byte[1000 + i];
            new Random(i).nextBytes(noise);
            out.writeBytes(noise);
        }
        out.writeBytes("\r\n\r\n--".getBytes(StandardCharsets.US_ASCII));   // ends like a delimiter's start
        return out.toByteArray();
    }

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String d = "--" + BOUNDARY;
        out.writeBytes((d + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\ntok3n\r\n"
                + d + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Memo für die Stadt.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n" + d + "\r\ncontent-disposition: form-data; name=publisher\r\n\r\n\r\n"
                + d + "  \r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n" + d + "--").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Read> readAll(InputStream in) throws IOException {
        MultipartReader reader = new MultipartReader(in, BOUNDARY);
        List<Read> parts = new ArrayList<>();
        for (MultipartReader.Part part; (part = reader.next()) != null; ) {
            parts.add(new Read(part.name(), part.fileName(), part.body().readAllBytes()));
        }
        return parts;
    }

    /** Hands the body out in pieces of one size, or of random sizes, as a connection does. */
    private static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final int piece;
        private final Random random;
        private int position;

        Pieces(byte[] bytes, int piece, Random random) {
            this.bytes = bytes;
            this.piece = piece;
            this.random = random;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int size = random == null ? piece : 1 + random.nextInt(random.nextBoolean() ? 100 : 70_000);
            int n = Math.min(Math.min(size, length), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            assertTrue(n > 0);
            return n;
        }
    }
}
