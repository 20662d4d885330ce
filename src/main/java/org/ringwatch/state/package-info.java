/**
 * The federal government, the 50 states and DC: their public-records laws, their legal
 * holidays as rules and the business calendar they make, and the sources facts are credited
 * to. The lowest feature: it imports no other feature.
 */
package org.ringwatch.state;
