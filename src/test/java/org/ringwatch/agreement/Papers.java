package org.ringwatch.agreement;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fictional agreements in the real structure (design.md §1a): an MOU with recitals, Ring's and
 * the agency's obligations, communications, confidentiality and signatures; a 2020-style
 * acknowledgement form; a subsidy letter; a copy with confidentiality struck; a council
 * resolution with a vote; a "no responsive records" letter. Every town and agency here is
 * invented ("Port Varlow", "Elmsbury", "Lake Ondessa"): invented text is never attributed to a real agency.
 */
public final class Papers {

    private Papers() {
    }

    public static final String MOU_CONFIDENTIALITY =
            "Unless required by law, the Department shall keep the terms of the program confidential.";
    public static final String MOU_PROMOTION =
            "The Department will engage the community to encourage adoption of the platform and app.";
    public static final String MOU_DEVICES = "Ring will donate 15 cameras to the Department for distribution.";
    public static final String MOU_APPROVAL = "Ring shall approve all statements the Department makes about Ring.";

    /** Page 1: title, recitals and Ring's obligations; page 2: the Department's, communications, confidentiality, signatures. */
    public static List<List<String>> mou(String town) {
        return List.of(
                List.of("MEMORANDUM OF UNDERSTANDING BETWEEN THE CITY OF " + town.toUpperCase(java.util.Locale.ROOT)
                                + " AND RING LLC",
                        "WHEREAS Ring operates the Neighbors Portal for law enforcement;",
                        "WHEREAS the Department wishes to join the program at no cost;",
                        "1 Purpose. This is a non-binding program between the parties.",
                        "2 Ring responsibilities. Ring will provide the portal, training and support.",
                        MOU_DEVICES,
                        "Ring will credit $10 towards free cameras for each qualifying app download."),
                List.of("3 Department responsibilities.",
                        MOU_PROMOTION,
                        "4 Communications.",
                        MOU_APPROVAL,
                        "5 Confidentiality.",
                        MOU_CONFIDENTIALITY,
                        "Signed on December 13, 2018 by Chief Dana Whitlock for the Department",
                        "and by Morgan Ellery, Head of Partnerships, for Ring LLC."));
    }

    public static List<List<String>> acknowledgementForm(String agency) {
        return List.of(List.of("NEIGHBORS PUBLIC SAFETY SERVICE ACKNOWLEDGEMENT FORM",
                "Agency: " + agency + "   Verification code: 4471",
                "A. The agency acknowledges that there is no cost to use the service.",
                "B. The agency is not required to promote Ring products.",
                "C. Ring will train the public information officer and coordinators.",
                "D. Ring will announce the agency in the app and on its map.",
                "Acknowledged in March 2020."));
    }

    public static List<List<String>> subsidyLetter(String town) {
        return List.of(List.of("Dear Mayor of " + town + ",",
                "The City will contribute $50,000 to a camera subsidy program for residents.",
                "Ring will match the City's contribution dollar for dollar.",
                "Up to 500 residents will receive a discount of $100 each on a Ring device.",
                "Sincerely, Ring Inc."));
    }

    /** The MOU as signed by a city whose attorneys struck the confidentiality clause. */
    public static List<List<String>> struckCopy(String town) {
        List<String> second = new java.util.ArrayList<>(mou(town).get(1));
        second.set(second.indexOf(MOU_CONFIDENTIALITY), "[STRUCK] " + MOU_CONFIDENTIALITY + " [initialled by counsel]");
        return List.of(mou(town).get(0), second);
    }

    public static List<List<String>> councilResolution(String town) {
        return List.of(List.of("RESOLUTION NO. 2019-42 OF THE CITY COUNCIL OF " + town.toUpperCase(java.util.Locale.ROOT),
                "A resolution approving a memorandum of understanding with Ring LLC.",
                "Adopted by the City Council on August 13, 2019 by a vote of 4 to 1."));
    }

    public static List<List<String>> noResponsiveRecords(String agency) {
        return List.of(List.of(agency + ", Records Unit",
                "After a diligent search, the Department has found no records responsive to your request."));
    }

    /** A PDF with a text layer, one page per list, one line per string. */
    public static byte[] textPdf(List<List<String>> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.setLeading(16);
                    content.newLineAtOffset(54, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A scan: every line exists only as pixels, so only OCR reads the pages. Large type, so it reads them well. */
    public static byte[] scannedPdf(List<List<String>> pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                BufferedImage image = new BufferedImage(2550, 3300, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = image.createGraphics();
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
                graphics.setColor(Color.BLACK);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.setFont(new Font(Font.SERIF, Font.PLAIN, 44));
                int y = 200;
                for (String line : lines) {
                    graphics.drawString(line, 150, y);
                    y += 90;
                }
                graphics.dispose();
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, PDRectangle.LETTER.getWidth(),
                            PDRectangle.LETTER.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
