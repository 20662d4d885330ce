-- Volunteers (issue #3): what the deadline reckoning needs from each law, sessions that can
-- be ended, login throttling, invitation revocation, requester contact details and settings.

-- Derived from the law's own words at seed time (see RecordsLawSeed): the second stage of
-- Alabama's and Oregon's laws counts from the acknowledgment, not from filing; several laws
-- treat a missed deadline as a denial, which opens an appeal.
ALTER TABLE records_law
    ADD COLUMN second_deadline_from_acknowledgment boolean NOT NULL DEFAULT false,
    ADD COLUMN missed_deadline_is_denial           boolean NOT NULL DEFAULT false;

-- Bumping session_epoch ends every session of the account at once (password change, disabling).
-- Contact details go into the owner's own request letters and are never shown to others.
ALTER TABLE account
    ADD COLUMN session_epoch   integer NOT NULL DEFAULT 0,
    ADD COLUMN postal_address  text,
    ADD COLUMN phone           text;

ALTER TABLE invitation
    ADD COLUMN revoked_at timestamptz,
    ALTER COLUMN email SET NOT NULL;

-- Failed and successful sign-ins, per account and per address, for throttling across instances.
CREATE TABLE login_attempt (
    id              bigserial PRIMARY KEY,
    subject         text        NOT NULL,       -- 'account:<email>' or 'address:<ip>'
    succeeded       boolean     NOT NULL,
    attempted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_subject ON login_attempt (subject, attempted_at);

ALTER TABLE records_request
    ADD COLUMN fee_waiver_requested boolean NOT NULL DEFAULT true;
CREATE INDEX records_request_status ON records_request (status);
