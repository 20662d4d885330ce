-- Sign-in throttling without lockout (issue #7). V2 logged every attempt and counted that log
-- before checking a password, in two steps: parallel guesses all counted the same few rows and
-- all went on (20 of 30 against a limit of 5). Now every subject has one counter row, and one
-- statement both counts an attempt and decides whether it may go on (account/LoginThrottle).
DROP TABLE login_attempt;

CREATE TABLE login_throttle (
    subject          text        PRIMARY KEY,  -- 'pair:<sha-256 of e-mail>|<address>', 'address:<address>', 'account:<sha-256 of e-mail>'
    attempts         integer     NOT NULL,     -- failures (and attempts still being checked) since resets_at was set
    resets_at        timestamptz NOT NULL,     -- when the count starts again
    blocked_until    timestamptz,              -- pairs only: no attempt before this, the wait growing with failures
    signed_in_at     timestamptz               -- pairs only: the last success, which makes the address known to the account
);
-- The hourly sweep looks for rows whose count has run out.
CREATE INDEX login_throttle_resets_at ON login_throttle (resets_at);
