/**
 * Agencies (police, sheriff, other), the cities and counties they sit in, and the dated facts
 * of their Ring partnerships with the source of each; the browse pages and the agencies API.
 */
package org.ringwatch.agency;
