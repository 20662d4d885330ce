package org.ringwatch.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Types come from the bytes: a name or a claimed Content-Type changes nothing. */
class FileTypeTest {

    @TempDir
    Path directory;

    @Test
    void shouldRecogniseEveryAcceptedType() throws IOException {
        assertEquals(FileType.PDF, detect("report.txt", TestFiles.textPdf("hello")));
        assertEquals(FileType.PNG, detect("a", TestFiles.png()));
        assertEquals(FileType.JPEG, detect("a", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16}));
        assertEquals(FileType.TIFF, detect("a", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(FileType.TIFF, detect("a", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}));
        assertEquals(FileType.DOCX, detect("a.zip", TestFiles.docx("text")));
        assertEquals(FileType.XLSX, detect("a", TestFiles.xlsx("cell")));
        assertEquals(FileType.EML, detect("a", text("From: records@city.example\nTo: v@example.org\nSubject: Your request\n\nAttached.")));
        assertEquals(FileType.CSV, detect("a", text("name,date,count\nAurora,2019-10-29,3\nDenver,2020-01-02,4\n")));
        assertEquals(FileType.TEXT, detect("a.pdf", text("Dear requester, the records are attached. Ñandú café.")));
    }

    @Test
    void shouldRefuseHtmlAndSvgPosingAsPdf() throws IOException {
        assertThat(refusal("agreement.pdf", text("<!DOCTYPE html><html><script>alert(1)</script></html>")),
                containsString("HTML, SVG and XML files are not accepted"));
        assertThat(refusal("scan.pdf", text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")),
                containsString("HTML, SVG and XML"));
        assertThat(refusal("x.pdf", text("  \n<html><body>hi</body></html>")), containsString("HTML"));
    }

    @Test
    void shouldRefuseOtherTypesNamingWhatWasFound() throws IOException {
        assertThat(refusal("image.png", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0}), containsString("a GIF image"));
        assertThat(refusal("report.pdf.exe", new byte[] {'M', 'Z', (byte) 0x90, 0}), containsString("a Windows program"));
        assertThat(refusal("run.sh", new byte[] {0x7f, 'E', 'L', 'F', 2, 1}), containsString("a Linux program"));
        assertThat(refusal("a.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0}), containsString("a gzip archive"));
        assertThat(refusal("empty.pdf", new byte[0]), containsString("empty"));
        assertThat(refusal("bin", new byte[] {0, 1, 2, 3, 4}), containsString("binary data starting 0001020304")); assertThat(refusal("notes.txt", "{\\rtf1 hello}".getBytes(StandardCharsets.UTF_8)), containsString("RTF"));
    }

    @Test
    void shouldRefuseAZipThatIsNotAnOfficeFile() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("secret.pdf"));
            zip.write(TestFiles.textPdf("inside"));
        }
        assertThat(refusal("bundle.docx", out.toByteArray()), containsString("Zip archives are not accepted"));
    }

    @Test
    void shouldKeepADoubleExtensionFromMattering() throws IOException {
        assertEquals(FileType.PDF, detect("invoice.pdf.exe", TestFiles.textPdf("hello")));
        FileType.Verdict verdict = FileType.detect(write("photo.jpg.pdf", new byte[] {'M', 'Z', 0, 0}));
        assertFalse(verdict.accepted());
    }

    private FileType detect(String name, byte[] bytes) throws IOException {
        FileType.Verdict verdict = FileType.detect(write(name, bytes));
        return verdict.type();
    }

    private String refusal(String name, byte[] bytes) throws IOException {
        FileType.Verdict verdict = FileType.detect(write(name, bytes));
        assertFalse(verdict.accepted(), name + " should be refused");
        return verdict.refusal();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = directory.resolve(System.nanoTime() + "-" + name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
