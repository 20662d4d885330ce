package org.ringwatch.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** One change: who, when, what, and the thing before and after (as JSON). */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public OffsetDateTime occurredAt;
    public Long actorId;
    public String action;
    public String entityType;
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String beforeState;

    @JdbcTypeCode(SqlTypes.JSON)
    public String afterState;

    public static List<AuditEntry> latest(int limit, String entityType, String entityId) {
        if (entityType != null && entityId != null) {
            return find("entityType = ?1 and entityId = ?2 order by occurredAt desc, id desc", entityType, entityId)
                    .page(0, limit).list();
        }
        return find("order by occurredAt desc, id desc").page(0, limit).list();
    }
}
