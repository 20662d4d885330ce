package org.ringwatch.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.ringwatch.api.ApiProblem;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A police department, sheriff's office or other agency. Unique by state and name: names
 * repeat across states ("Aurora Police Department" in CO and IL).
 */
@Entity
public class Agency extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_code", columnDefinition = "bpchar(2)")
    public String stateCode;

    public String name;
    public String slug;
    /** police, sheriff or other. */
    public String kind;
    /** The source's own word ("Constables", "District Attorney"). */
    public String kindAsWritten;
    /** municipal, county, parish, regional or state. */
    public String jurisdictionLevel;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "city_id")
    public Jurisdiction city;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "agency_county", joinColumns = @JoinColumn(name = "agency_id"),
            inverseJoinColumns = @JoinColumn(name = "county_id"))
    @OrderBy("name")
    public List<Jurisdiction> counties;

    public String recordsEmail;
    public String recordsPortalUrl;
    public String recordsPostalAddress;
    public String websiteUrl;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    /** When it, its facts, links or counties last changed (V14's triggers keep it); never written from here. */
    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    /**
     * The {@code agency} query parameter of a list ("IL/aurora-police-department"): the agency's
     * id; null when absent; otherwise a 400 naming it.
     */
    public static Long parameter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return findByKey(raw).map(a -> a.id).orElseThrow(() -> ApiProblem.badParameter("agency",
                "agency '" + raw + "' is not \"<state code>/<slug>\" of a known agency"));
    }

    /** "ca/slug" or "CA/slug", as forms and the API name an agency; empty for anything else. */
    public static Optional<Agency> findByKey(String key) {
        if (key == null || !key.contains("/")) {
            return Optional.empty();
        }
        String[] parts = key.strip().split("/", 2);
        return findBySlug(parts[0], parts[1]);
    }

    public static Optional<Agency> findBySlug(String stateCode, String slug) {
        if (stateCode == null || slug == null) {
            return Optional.empty();
        }
        return find("from Agency a left join fetch a.city where a.stateCode = ?1 and a.slug = ?2",
                stateCode.toUpperCase(Locale.ROOT), slug).firstResultOptional();
    }

    public String urlPath() {
        return "/agencies/" + stateCode.toLowerCase(Locale.ROOT) + "/" + slug;
    }

    public boolean hasRecordsContact() {
        return recordsEmail != null || recordsPortalUrl != null || recordsPostalAddress != null;
    }
}
