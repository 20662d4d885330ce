/**
 * The HTML site's plumbing: flash messages, the form token, and the mapping of every error to
 * an HTML page in the layout or, under {@code /api/}, to problem+json. No feature lives here.
 */
package org.ringwatch.web;
