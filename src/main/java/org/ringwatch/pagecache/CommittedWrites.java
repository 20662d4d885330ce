package org.ringwatch.pagecache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This instance's own writes move the {@link DataVersion} the moment their transaction commits,
 * before the request that made them answers: whoever follows a write to a public page sees it,
 * without waiting for PostgreSQL's notification. Every statement Hibernate sends passes here
 * (native SQL included); one that is not a read, on a table public pages show, marks its
 * transaction. A statement this cannot place (a CTE, an unknown form) counts as a change: too many
 * changes cost renders, too few would serve a stale page.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CommittedWrites implements StatementInspector {

    private static final Pattern TARGET = Pattern.compile(
            "^\\s*(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+(?:only\\s+)?\"?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Object MARK = new Object();

    private final DataVersion version;
    private final TransactionSynchronizationRegistry transactions;

    public CommittedWrites(DataVersion version, TransactionSynchronizationRegistry transactions) {
        this.version = version;
        this.transactions = transactions;
    }

    @Override
    public String inspect(String sql) {
        if (changesPublicData(sql)) {
            afterCommit();
        }
        return sql;
    }

    boolean changesPublicData(String sql) {
        String start = sql.stripLeading();
        if (start.regionMatches(true, 0, "select", 0, 6) || start.regionMatches(true, 0, "values", 0, 6)) {
            return false;
        }
        Matcher target = TARGET.matcher(start);
        return !target.find() || version.shows(target.group(1).toLowerCase(Locale.ROOT));
    }

    private void afterCommit() {
        if (transactions.getTransactionKey() == null) {
            // Autocommit: committed as soon as it runs; the notification closes the short gap.
            version.changed();
            return;
        }
        if (transactions.getResource(MARK) != null) {
            return;
        }
        transactions.putResource(MARK, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    version.changed();
                }
            }
        });
    }
}
