package org.ringwatch.platform;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database cannot be reached right now" (503), and which are ours (500). */
class DatabaseOutageTest {

    @Test
    void shouldSeeARefusedOrBrokenConnectionThroughItsWrappers() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused.", "08001");
        assertTrue(DatabaseOutage.causes(new PersistenceException(new GenericJDBCException("acquire", refused))));
        assertTrue(DatabaseOutage.causes(new JDBCConnectionException("I/O error", new SQLException("closed", "08006"))));
    }

    @Test
    void shouldSeeAServerThatIsStoppingOrStillStarting() {
        assertTrue(DatabaseOutage.causes(new SQLException("terminating connection due to unexpected postmaster exit",
                "57P01")));
        assertTrue(DatabaseOutage.causes(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void shouldSeeAnOutageACommitFailureOnlyMentionsAsSuppressed() {
        RuntimeException rollback = new IllegalStateException("rolled back");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseOutage.causes(rollback));
    }

    @Test
    void shouldSeeThePoolFindingNoConnectionInTime() {
        assertTrue(DatabaseOutage.causes(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void shouldNotExcuseOurOwnBugsAsAnOutage() {
        assertFalse(DatabaseOutage.causes(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutage.causes(new SQLException("column \"nope\" does not exist", "42703")));
        assertFalse(DatabaseOutage.causes(new IllegalArgumentException("bad")));
    }
}
