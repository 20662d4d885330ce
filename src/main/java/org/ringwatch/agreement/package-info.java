/**
 * Agreements: the record the public and journalists come for. An agreement is entered from
 * documents ({@code document}) and holds its parties, kind, dates with precision, signatories
 * and clauses from a fixed vocabulary, every statement cited to a page; a quote must be on its
 * page. It owns who may see a draft ({@link org.ringwatch.agreement.AgreementAccess}), the agency's
 * agreement status derived from agreements and requests
 * ({@link org.ringwatch.agreement.AgreementStatuses}), the comparison with its kind's template and
 * the totals across published agreements, and their pages and API.
 */
package org.ringwatch.agreement;
