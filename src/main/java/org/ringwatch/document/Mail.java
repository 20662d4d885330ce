package org.ringwatch.document;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads an e-mail (RFC 822): its headers and text become the page; its attachments are spooled
 * to temporary files to become documents of their own. Bounded in count and in bytes.
 */
final class Mail {

    private Mail() {
    }

    static Extractor.Extraction read(Path file, int maxAttachments, long maxBytes)
            throws IOException, Extractor.Quarantine {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            StringBuilder text = new StringBuilder();
            header(text, "From", message.getHeader("From", ", "));
            header(text, "To", message.getHeader("To", ", "));
            header(text, "Cc", message.getHeader("Cc", ", "));
            header(text, "Date", message.getHeader("Date", null));
            header(text, "Subject", message.getSubject());
            text.append('\n');
            List<Extractor.Attachment> attachments = new ArrayList<>();
            long[] bytes = {0};
            walk(message, text, attachments, maxAttachments, maxBytes, bytes);
            return new Extractor.Extraction(List.of(new Extractor.Page(text.toString().strip(), "parser")), false, null,
                    attachments);
        } catch (MessagingException e) {
            throw new Extractor.Quarantine("The e-mail cannot be read (" + e.getMessage() + ").");
        }
    }

    private static void walk(Part part, StringBuilder text, List<Extractor.Attachment> attachments, int max,
            long maxBytes, long[] bytes) throws MessagingException, IOException, Extractor.Quarantine {
        String disposition = part.getDisposition();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition)
                || (part.getFileName() != null && !(part instanceof Message));
        if (attachment) {
            if (attachments.size() >= max) {
                throw new Extractor.Quarantine("The e-mail has more than " + max + " attachments.");
            }
            Path spooled = Files.createTempFile("ringwatch-attachment", ".bin");
            try (InputStream in = part.getInputStream()) {
                bytes[0] += Files.copy(in, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (bytes[0] > maxBytes) {
                Files.deleteIfExists(spooled);
                throw new Extractor.Quarantine("The e-mail's attachments add up to more than " + maxBytes / (1024 * 1024)
                        + " MB.");
            }
            attachments.add(new Extractor.Attachment(part.getFileName() == null ? "attachment" : part.getFileName(),
                    spooled));
        } else if (part.isMimeType("text/plain")) {
            text.append(String.valueOf(part.getContent())).append('\n');
        } else if (part.isMimeType("text/html")) {
            text.append(String.valueOf(part.getContent()).replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                    .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ")).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, text, attachments, max, maxBytes, bytes);
            }
        } else if (part.isMimeType("message/rfc822")) {
            walk((Part) part.getContent(), text, attachments, max, maxBytes, bytes);
        }
    }

    private static void header(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(name).append(": ").append(value).append('\n');
        }
    }
}
