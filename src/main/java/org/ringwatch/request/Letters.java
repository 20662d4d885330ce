package org.ringwatch.request;

import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.state.RecordsLaw;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the request letter from the state's law: the law and citation, the deadline phrase,
 * the records asked for, a fee-waiver paragraph, and where to send it. The volunteer edits it
 * before filing, and it follows their changes to the records asked for; RingWatch never sends it.
 */
public final class Letters {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Letters() {
    }

    public static String write(Agency agency, RecordsLaw law, String recordsSought, boolean feeWaiver,
            Account requester, LocalDate today) {
        LawTerms terms = LawTerms.of(law);
        StringBuilder letter = new StringBuilder();
        letter.append(DATE.format(today)).append("\n\n");
        letter.append(agency.name).append('\n').append("Attn: Public Records Officer\n");
        if (agency.recordsPostalAddress != null) {
            letter.append(agency.recordsPostalAddress).append('\n');
        }
        if (agency.recordsEmail != null) {
            letter.append(agency.recordsEmail).append('\n');
        }
        letter.append('\n');
        letter.append("Re: Public records request under the ").append(law.lawName).append(" (").append(law.citation)
                .append(")\n\n");
        letter.append("To the records officer:\n\n");
        letter.append("Under the ").append(law.lawName).append(", ").append(law.citation)
                .append(", I request copies of the following records:\n\n");
        letter.append(recordsSought.strip()).append("\n\n");
        if (terms.hasDeadline()) {
            letter.append("Please respond ").append(terms.deadlinePhrase()).append(".\n\n");
        } else {
            letter.append("The ").append(law.lawName).append(" asks for a prompt response; please respond as promptly")
                    .append(" as possible, and tell me when I can expect the records.\n\n");
        }
        if (feeWaiver) {
            letter.append("I ask that you waive all fees. This request is made for RingWatch, a volunteer project that")
                    .append(" publishes records about agreements between police agencies and Amazon's Ring, free of")
                    .append(" charge, so that the public can understand how its agencies use a private company's camera")
                    .append(" network. It is not for commercial use. If fees cannot be waived, please tell me the")
                    .append(" estimate before incurring any cost over $25.\n\n");
        }
        letter.append("I prefer the records in electronic form (the original files or PDF), sent by e-mail.\n\n");
        letter.append("If you withhold any record or part of one, please cite the exemption for each, release every")
                .append(" part that can be separated, and tell me how to appeal");
        if (law.administrativeAppeal != null && !law.administrativeAppeal.toLowerCase(Locale.ROOT).startsWith("no")) {
            // The source writes "Yes: appeal to the agency head …"; the letter needs only what follows.
            letter.append(" (").append(law.administrativeAppeal.replaceFirst("(?i)^yes[:,.]?\\s*", "")).append(')');
        }
        letter.append(".\n\nThank you,\n\n").append(requester.displayName).append('\n');
        if (requester.postalAddress != null) {
            letter.append(requester.postalAddress).append('\n');
        }
        if (requester.phone != null) {
            letter.append(requester.phone).append('\n');
        }
        letter.append(requester.email).append('\n');
        return letter.toString();
    }

    /**
     * The letter asking for {@code after} instead of {@code before}, with the volunteer's other
     * edits kept: the lines that quote {@code before} are replaced. Texts break lines with {@code \n}.
     *
     * @return the letter unchanged when it quotes {@code after} already; empty when it quotes
     *         neither, as the volunteer rewrote that passage and only they can say what it should ask
     */
    public static Optional<String> withRecords(String letter, String before, String after) {
        if (before.equals(after) || quotedAt(letter, after) >= 0) {
            return Optional.of(letter);
        }
        int at = quotedAt(letter, before);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(letter.substring(0, at) + after + letter.substring(at + before.length()));
    }

    /** Where {@code text} stands in {@code letter} as whole lines, or -1: "MOU" inside a sentence is no quote. */
    private static int quotedAt(String letter, String text) {
        for (int at = letter.indexOf(text); at >= 0; at = letter.indexOf(text, at + 1)) {
            int end = at + text.length();
            if ((at == 0 || letter.charAt(at - 1) == '\n') && (end == letter.length() || letter.charAt(end) == '\n')) {
                return at;
            }
        }
        return -1;
    }
}
