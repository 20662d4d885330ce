/**
 * The moderators' review queue: documents and agreements waiting to be published, oldest
 * first, with what still stands in the way (personal data to resolve, text still being read).
 * On top of the stack, beside {@code search}: it reads both features through their own rules
 * ({@code PersonalDataFlag} decides what is unresolved).
 */
package org.ringwatch.review;
