/**
 * Backup and restore, the {@code backup DIR} and {@code restore DIR} commands: the database as one
 * consistent snapshot (a COPY of every table in one REPEATABLE READ transaction), the blobs it
 * refers to, and a manifest with every file's SHA-256, so a restore can check everything before
 * it applies anything. It sits just under {@code app}, which runs the commands, and reads the
 * blob store of {@code document} through its interface only.
 */
package org.ringwatch.backup;
