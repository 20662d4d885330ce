/**
 * The federal government, the 50 states and DC: their public-records laws, their legal
 * holidays as rules, and the state pages and states API.
 */
package org.ringwatch.state;
