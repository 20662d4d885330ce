package org.ringwatch.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Roles nest: a moderator can do what a volunteer can, an admin what a moderator can. The
 * security identity carries every role a person's role implies, so {@code @RolesAllowed("volunteer")}
 * admits moderators and admins too.
 */
public enum Role {
    VOLUNTEER, MODERATOR, ADMIN;

    public static final String VOLUNTEER_NAME = "volunteer";
    public static final String MODERATOR_NAME = "moderator";
    public static final String ADMIN_NAME = "admin";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** This role's name and the names of the roles below it. */
    public Set<String> impliedNames() {
        return switch (this) {
            case VOLUNTEER -> Set.of(VOLUNTEER_NAME);
            case MODERATOR -> Set.of(VOLUNTEER_NAME, MODERATOR_NAME);
            case ADMIN -> Set.of(VOLUNTEER_NAME, MODERATOR_NAME, ADMIN_NAME);
        };
    }

    /** Nobody can hand out more power than they have; only admins make admins. */
    public boolean canGrant(Role role) {
        return this == ADMIN || (this == MODERATOR && role == VOLUNTEER);
    }
}
