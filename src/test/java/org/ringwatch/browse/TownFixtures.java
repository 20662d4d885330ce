package org.ringwatch.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.ringwatch.agency.Agency;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Invented cities in Oregon with invented agencies in them, so a test can count what one city shows
 * and what a state's figures gain. Every name carries a random suffix: unique across tests and runs.
 */
@ApplicationScoped
public class TownFixtures {

    private final EntityManager em;

    public TownFixtures(EntityManager em) {
        this.em = em;
    }

    /** A city of Oregon; returns its slug. */
    public record Town(long id, String name, String slug) {

        public String path() {
            return "/states/or/cities/" + slug;
        }
    }

    @Transactional
    public Town town(String name, Integer population) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 6);
        String slug = slug(unique);
        Number id = (Number) em.createNativeQuery("""
                INSERT INTO jurisdiction (state_code, kind, name, slug, population)
                VALUES ('OR', 'city', ?1, ?2, ?3) RETURNING id""")
                .setParameter(1, unique).setParameter(2, slug).setParameter(3, population).getSingleResult();
        return new Town(id.longValue(), unique, slug);
    }

    /** "&lt;name&gt; Police Department" based in {@code town}. */
    @Transactional
    public Agency agency(Town town, String name) {
        String full = name + " " + UUID.randomUUID().toString().substring(0, 6) + " Police Department";
        em.createNativeQuery("""
                INSERT INTO agency (state_code, name, slug, kind, jurisdiction_level, city_id, records_email)
                VALUES ('OR', ?1, ?2, 'police', 'municipal', ?3, 'records@example.org')""")
                .setParameter(1, full).setParameter(2, slug(full)).setParameter(3, town.id()).executeUpdate();
        return Agency.findBySlug("OR", slug(full)).orElseThrow();
    }

    /** Moves an agency (one made elsewhere, with its requests and agreements) into {@code town}. */
    @Transactional
    public void move(Agency agency, Town town) {
        em.createNativeQuery("UPDATE agency SET city_id = ?1 WHERE id = ?2").setParameter(1, town.id())
                .setParameter(2, agency.id).executeUpdate();
    }

    /** The day the agency went live on Ring's portal, cited to an invented source. */
    @Transactional
    public void portal(Agency agency, LocalDate on) {
        String title = "Test portal list " + UUID.randomUUID();
        Number source = (Number) em.createNativeQuery("""
                INSERT INTO source (title, publisher) VALUES (?1, 'RingWatch tests') RETURNING id""")
                .setParameter(1, title).getSingleResult();
        em.createNativeQuery("""
                INSERT INTO partnership_fact (agency_id, kind, occurred_on, precision, source_id)
                VALUES (?1, 'portal_active', ?2, 'day', ?3)""")
                .setParameter(1, agency.id).setParameter(2, on).setParameter(3, source.longValue()).executeUpdate();
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
