package org.ringwatch.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * First of all start-up work: the {@code restore} command readies the empty database (other
 * start-up work, such as creating the first admin, reads tables that do not exist before it);
 * every other start refuses a database a restore left half-done.
 */
@ApplicationScoped
class RestoreOnStart {

    @Inject
    @CommandLineArguments
    String[] arguments;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Restore restore,
            AgroalDataSource dataSource) throws SQLException {
        if (arguments.length > 0 && arguments[0].equals(BackupCommand.RESTORE)) {
            restore.prepare(BackupCommand.directory(arguments));
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (RestoreMarker.present(connection)) {
                throw RestoreMarker.halfRestored();
            }
        }
    }
}
