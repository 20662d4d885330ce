package org.ringwatch.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.ringwatch.agreement.Vocabulary;
import org.ringwatch.request.RequestStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Writes one Atom 1.0 document (RFC 4287) with ROME, which escapes every text and puts the
 * elements in order. Entries are identified by their page's absolute address, which never
 * changes for a given base URL (set {@code ringwatch.public-url} so it does not follow the Host
 * a client sent).
 */
final class AtomWriter {

    static final String MEDIA_TYPE = "application/atom+xml";

    private AtomWriter() {
    }

    /** The feed's own title, where it lives and the page it belongs to, all from the site's root. */
    record Head(String title, String selfPath, String pagePath) {
    }

    /**
     * @param base the site's absolute address without a trailing slash
     */
    static String write(String base, Head head, List<FeedEntries.Entry> entries) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setId(base + head.selfPath());
        feed.setTitle(clean(head.title()));
        // With nothing published yet there is no moment the feed changed: the epoch says so and stays put.
        feed.setUpdated(Date.from(entries.stream().map(FeedEntries.Entry::at).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH)));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", base + head.pagePath())));
        feed.setOtherLinks(List.of(link("self", MEDIA_TYPE, base + head.selfPath())));
        Person author = new Person();
        author.setName("RingWatch");
        author.setUri(base + "/");
        feed.setAuthors(List.of(author));
        feed.setEntries(entries.stream().map(e -> entry(base, e)).toList());
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("could not write the Atom feed " + head.selfPath(), e);
        }
    }

    private static Entry entry(String base, FeedEntries.Entry e) {
        Entry entry = new Entry();
        String href = base + e.path();
        entry.setId(href);
        entry.setTitle(clean(title(e)));
        entry.setUpdated(Date.from(e.at()));
        entry.setPublished(Date.from(e.at()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", href)));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(clean(summary(e)));
        entry.setSummary(summary);
        Category category = new Category();
        category.setTerm(e.kind().name().toLowerCase(java.util.Locale.ROOT));
        category.setLabel(switch (e.kind()) {
            case AGREEMENT -> "Agreement published";
            case DOCUMENT -> "Document published";
            case OUTCOME -> "Request outcome";
        });
        entry.setCategories(List.of(category));
        return entry;
    }

    private static String title(FeedEntries.Entry e) {
        return switch (e.kind()) {
            case AGREEMENT -> "Agreement: " + e.title() + " (" + e.agencyName() + ")";
            case DOCUMENT -> "Document: " + e.title() + " (" + e.agencyName() + ")";
            case OUTCOME -> statusLabel(e.code()) + ": " + e.title() + " (" + e.agencyName() + ")";
        };
    }

    private static String summary(FeedEntries.Entry e) {
        String agency = e.agencyName() + ", " + e.stateName();
        return switch (e.kind()) {
            case AGREEMENT -> Vocabulary.fromCode(Vocabulary.Kind.class, e.code()).map(Vocabulary.Coded::label)
                    .orElse("Agreement") + " of " + agency + ", published on RingWatch.";
            case DOCUMENT -> "A document about " + agency + ", published on RingWatch.";
            case OUTCOME -> "The records request \u201c" + e.title() + "\u201d to " + agency + " is now: "
                    + statusLabel(e.code()) + ".";
        };
    }

    private static String statusLabel(String code) {
        return RequestStatus.fromCode(code).map(RequestStatus::label).orElse(code);
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /**
     * Drops the characters XML 1.0 cannot carry at all, escaped or not (control characters, lone
     * surrogates): a file name is whatever the uploader's system allowed, and one such character
     * would make the whole feed unreadable.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
