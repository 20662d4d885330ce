package org.ringwatch.document;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Measures how far each stream of a PDF decodes, before PDFBox decodes it for real: PDFBox 3
 * decodes a stream into memory, so a Flate stream of zeros that inflates a thousandfold would
 * take the reader's heap. Each stream is decoded here into a counter that stops past the cap;
 * only the general-purpose filters are measured (images decode through their own readers).
 */
final class DecodedSize {

    private static final Set<String> GENERAL_FILTERS = Set.of("FlateDecode", "Fl", "LZWDecode", "LZW",
            "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL");

    /** Thrown out of a filter past the cap; unchecked so no filter's own IOException handling swallows it. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private DecodedSize() {
    }

    /** Quarantines the PDF when one of its streams decodes past {@code maxBytes}. */
    static void check(COSDocument pdf, long maxBytes) throws Extractor.Quarantine {
        // Plain objects first: an object stream is measured before any object inside it is read.
        List<COSObjectKey> keys = new ArrayList<>(pdf.getXrefTable().keySet());
        keys.sort(Comparator.comparing((COSObjectKey key) -> pdf.getXrefTable().get(key) < 0)
                .thenComparing(COSObjectKey::getNumber));
        for (COSObjectKey key : keys) {
            COSBase object;
            try {
                object = pdf.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                continue;   // a broken object is the reader's to report, not a bomb
            }
            if (object instanceof COSStream stream) {
                try {
                    measure(stream, maxBytes);
                } catch (TooLarge e) {
                    throw new Extractor.Quarantine("A content stream inflates past " + maxBytes / (1024 * 1024)
                            + " MB: the file looks like a decompression bomb.");
                } catch (IOException | RuntimeException e) {
                    // A damaged stream: the reader skips or reports it later.
                }
            }
        }
    }

    private static void measure(COSStream stream, long maxBytes) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        int general = 0;
        while (general < filters.size() && GENERAL_FILTERS.contains(filters.get(general).getName())) {
            general++;
        }
        if (general == 0) {
            return;
        }
        // A chain of filters passes through temporary files, each bounded by the cap as well.
        Path previous = null;
        try {
            for (int index = 0; index < general; index++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(index));
                boolean last = index == general - 1;
                Path next = last ? null : Files.createTempFile("ringwatch-decoded", ".bin");
                try (InputStream in = previous == null ? stream.createRawInputStream() : Files.newInputStream(previous);
                     OutputStream out = new Counter(next == null ? OutputStream.nullOutputStream()
                             : Files.newOutputStream(next), maxBytes)) {
                    filter.decode(in, out, stream, index);
                } finally {
                    if (previous != null) {
                        Files.deleteIfExists(previous);
                    }
                    previous = next;
                }
            }
        } finally {
            if (previous != null) {
                Files.deleteIfExists(previous);
            }
        }
    }

    private static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                } else {
                    break;
                }
            }
        }
        return names;
    }

    /** Passes bytes on until more than the cap have been written. */
    private static final class Counter extends OutputStream {
        private final OutputStream target;
        private final long maxBytes;
        private long written;

        Counter(OutputStream target, long maxBytes) {
            this.target = target;
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            target.write(bytes, offset, length);
        }

        private void count(long bytes) {
            written += bytes;
            if (written > maxBytes) {
                throw new TooLarge();
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
