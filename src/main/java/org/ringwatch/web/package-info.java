/**
 * The HTML site's shared parts: the home page and the mapping of every error to an HTML page
 * in the layout or, under {@code /api/}, to problem+json.
 */
package org.ringwatch.web;
