/**
 * The Atom feeds (RFC 4287) of what is newly public: published agreements, published documents
 * and request outcomes (a decision, a partial release, an appeal, a withdrawal), site-wide at
 * {@code /feed.atom}, per state and per agency. On top of the stack: {@code FeedEntries} reads
 * the features with their rules for anyone at all ({@code AgreementAccess.PUBLIC},
 * {@code DocumentAccess.PUBLIC}, {@code RequestAccess.PUBLIC}), so a feed never holds a draft,
 * an embargoed request, a private log entry or a withheld document, whoever asks for it;
 * {@code AtomWriter} writes the XML with ROME, and {@code Feeds}, {@code StateFeeds} and
 * {@code AgencyFeeds} serve it through {@code FeedResponses}.
 */
package org.ringwatch.feed;
