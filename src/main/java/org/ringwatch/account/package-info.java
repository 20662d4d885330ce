/**
 * Accounts and who is signed in: roles, the sign-in cookie and its throttling, API tokens,
 * invitations and the first admin, with the account, sign-in and moderation pages and the token
 * API. Plumbing under every feature: it imports no feature, and features ask it who the
 * viewer is.
 */
package org.ringwatch.account;
