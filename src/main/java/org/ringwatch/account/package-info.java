/**
 * Accounts and who is signed in: roles, the sign-in cookie and its throttling, API tokens and
 * the read keys that raise the read rate limit (with the one filter that applies it),
 * invitations and the first admin (from the environment or a one-time setup link printed at
 * start), with the account, sign-in, setup and moderation pages and the token
 * and read-key APIs. Plumbing under every feature: it imports no feature, and features ask it
 * who the viewer is.
 */
package org.ringwatch.account;
