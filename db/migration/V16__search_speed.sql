-- Search at a million pages (issue 12, bench/search.sh). A page's search_vector (about 1.6 KB for
-- 150 words) is stored out of line in TOAST, and every page the GIN index returns was read back
-- from there: to check a phrase (positions) and to rank. For a phrase of two common words that is
-- tens of thousands of pages before enough match.
--
-- search_lexemes is the same vector without positions: what the index and the first check need
-- ("are all the words on the page?"). It is generated, so every write of search_vector (extraction,
-- a restore, SQL typed by hand) keeps it in step, and a backup leaves it out (PostgreSQL computes
-- it again). STORAGE MAIN keeps it in the row, compressed if need be, not in TOAST; search_vector
-- is then read only for the candidates Search ranks (Search.MAX_CANDIDATES).
ALTER TABLE document_page
    ADD COLUMN search_lexemes tsvector GENERATED ALWAYS AS (strip(search_vector)) STORED,
    ALTER COLUMN search_lexemes SET STORAGE MAIN;

-- The index holds lexemes only, never positions: on search_lexemes it is the same index, and a
-- phrase's recheck reads the row's own short column instead of the vector in TOAST.
DROP INDEX document_page_search;
CREATE INDEX document_page_search ON document_page USING gin (search_lexemes);
