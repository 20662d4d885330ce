/**
 * The process on top of everything: the {@code java -jar} entry point that brings up the
 * embedded PostgreSQL before Quarkus, and what the process then does (serve, or the
 * {@code seed} command). It sits above every feature because the seed command reaches into
 * {@code seed}, which {@code platform} must not.
 */
package org.ringwatch.app;
