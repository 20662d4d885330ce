package org.ringwatch.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A volunteer following someone else's request: it shows on their dashboard. */
@Entity
@Table(name = "request_follower")
@IdClass(RequestFollower.Key.class)
public class RequestFollower extends PanacheEntityBase {

    @Id
    public Long requestId;

    @Id
    public Long accountId;

    public record Key(Long requestId, Long accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
