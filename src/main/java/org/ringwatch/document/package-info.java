/**
 * Files agencies sent, attached to a request's log entries, and documents obtained elsewhere
 * (a published copy, with its source) about an agency: their types, storage, text
 * extraction and OCR, review (publish, withhold a page, the public copy without it), downloads,
 * and who may see which bytes ({@code DocumentAccess}). It sits on {@code request} and offers
 * the request page its list of documents by implementing {@code request.RequestAttachments}.
 */
package org.ringwatch.document;
