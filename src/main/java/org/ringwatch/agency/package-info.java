/**
 * Agencies (police, sheriff, other), the cities and counties they sit in, and the dated facts
 * of their Ring partnerships with the source of each; {@code AgencyDirectory} is the read model
 * the browse pages and the agencies API list them through.
 */
package org.ringwatch.agency;
