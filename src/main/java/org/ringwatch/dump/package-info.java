/**
 * Full public dumps for journalists (issue 10): every public table as CSV with a Frictionless
 * {@code datapackage.json}, and the published pages' texts as a second file, made once a day
 * and on an admin's demand, kept in the blob store and served at stable addresses. It reads
 * agencies, requests, documents and agreements through their own public rules, so it sits on
 * top of them.
 */
package org.ringwatch.dump;
