package org.ringwatch.request;

import org.junit.jupiter.api.Test;
import org.ringwatch.account.Account;
import org.ringwatch.agency.Agency;
import org.ringwatch.state.RecordsLaw;

import java.time.LocalDate;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Letters for a business-day, a calendar-day, a no-deadline and a residents-only state. */
class LettersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void shouldCiteABusinessDayDeadline() {
        String letter = write(law("Freedom of Information Law", "N.Y. Pub. Off. Law § 89(3)(a)", 5, "business",
                "Yes: appeal to the agency head within 30 days (§ 89(4)(a))", null), true);
        assertThat(letter, containsString("Re: Public records request under the Freedom of Information Law"
                + " (N.Y. Pub. Off. Law § 89(3)(a))"));
        assertThat(letter, containsString("Please respond within 5 business days, as N.Y. Pub. Off. Law § 89(3)(a) requires."));
        assertThat(letter, containsString("I ask that you waive all fees."));
        assertThat(letter, containsString("tell me how to appeal (appeal to the agency head within 30 days (§ 89(4)(a)))."));
        assertThat(letter, containsString("The Ring MOU and its attachments"));
        assertThat(letter, containsString("Val Volunteer\n12 Main St\nval@example.org"));
        assertThat(letter, containsString("records@aurora.example"));
    }

    @Test
    void shouldCiteACalendarDayDeadlineAndLeaveOutTheWaiverWhenNotAsked() {
        String letter = write(law("California Public Records Act", "Cal. Gov. Code § 7922.535(a)", 10, "calendar",
                "No", null), false);
        assertThat(letter, containsString("within 10 calendar days, as Cal. Gov. Code § 7922.535(a) requires"));
        assertThat(letter, not(containsString("waive")));
        assertThat(letter, containsString("tell me how to appeal."));
    }

    @Test
    void shouldAskForAPromptAnswerWhereTheLawSetsNoDays() {
        String letter = write(law("Public Records Law", "A.R.S. §§ 39-121 to 39-121.03", null, null, "No", null), true);
        assertThat(letter, containsString("asks for a prompt response; please respond as promptly as possible"));
        assertThat(letter, not(containsString("within 0")));
        assertThat(letter, not(containsString("days, as")));
    }

    @Test
    void shouldWriteAResidentsOnlyStateLetterLikeAnyOther() {
        // The residency warning belongs on the page, before filing; the letter itself cites the law.
        String letter = write(law("Open Records Act", "KRS 61.880(1)", 5, "business", "Yes: Attorney General review",
                "KY residents (since 2021)"), true);
        assertThat(letter, containsString("within 5 business days, as KRS 61.880(1) requires"));
        assertThat(letter, containsString("(Attorney General review)"));
    }

    @Test
    void shouldPutTheNewRecordsWhereTheOldOnesWereAndKeepOtherEdits() {
        String letter = "Dear Ms. Rivera:\n\nThe MOU, please:\n\n1. The MOU\n2. E-mails\n\nThank you\n";
        assertThat(Letters.withRecords(letter, "1. The MOU\n2. E-mails", "1. The MOU\n2. Invoices"), equalTo(Optional.of(
                "Dear Ms. Rivera:\n\nThe MOU, please:\n\n1. The MOU\n2. Invoices\n\nThank you\n")));
    }

    @Test
    void shouldQuoteRecordsOnlyAsWholeLines() {
        // "The MOU" inside a sentence is no quote of the records "The MOU".
        String letter = "About The MOU, please send:\n\nThe MOU\n";
        assertThat(Letters.withRecords(letter, "The MOU", "The contract"),
                equalTo(Optional.of("About The MOU, please send:\n\nThe contract\n")));
        assertThat(Letters.withRecords("I ask for The MOU.\n", "The MOU", "The contract"), equalTo(Optional.empty()));
    }

    @Test
    void shouldKeepALetterThatQuotesTheNewRecordsAlready() {
        String letter = "Please send:\n\nThe contract\n";
        assertThat(Letters.withRecords(letter, "The MOU", "The contract"), equalTo(Optional.of(letter)));
    }

    private static String write(RecordsLaw law, boolean feeWaiver) {
        Agency agency = new Agency();
        agency.name = "Aurora Police Department";
        agency.recordsEmail = "records@aurora.example";
        Account requester = new Account();
        requester.displayName = "Val Volunteer";
        requester.email = "val@example.org";
        requester.postalAddress = "12 Main St";
        return Letters.write(agency, law, "The Ring MOU and its attachments", feeWaiver, requester, TODAY);
    }

    private static RecordsLaw law(String name, String citation, Integer days, String type, String appeal,
            String restriction) {
        RecordsLaw law = new RecordsLaw();
        law.lawName = name;
        law.citation = citation;
        law.firstDeadlineDays = days;
        law.firstDeadlineDayType = type;
        law.administrativeAppeal = appeal;
        law.requesterRestriction = restriction;
        return law;
    }
}
