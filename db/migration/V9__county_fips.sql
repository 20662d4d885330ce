-- Issue 9: counties carry the FIPS code of the boundary file (geo/us-albers.json), which the
-- seed resolves from their names. One county per code and state; the map joins on it.
CREATE UNIQUE INDEX jurisdiction_county_geoid ON jurisdiction (state_code, geoid)
    WHERE kind = 'county' AND geoid IS NOT NULL;

-- The first seed kept the Atlas's "#N/A" (no county known) as a county named "#N/A"; the seed
-- now leaves it out or resolves the row by an override.
DELETE FROM agency_county WHERE county_id IN (SELECT id FROM jurisdiction WHERE kind = 'county' AND name = '#N/A');
DELETE FROM jurisdiction WHERE kind = 'county' AND name = '#N/A';
