-- Ranking reads every candidate's search_vector (Search.MAX_CANDIDATES of them at most), and a
-- vector of 150 words (about 1.5 KB compressed) was stored out of line in TOAST: each candidate
-- cost its heap page plus two or three TOAST pages more, and bench/search.sh measured 200 ms of a
-- rare word's 235 ms in those reads. STORAGE MAIN keeps the vector in the row, compressed; the
-- page's text_content (read only for the twenty headlines shown) is what goes to TOAST instead.
-- A row stays under a heap page: PostgreSQL moves a MAIN value out of line only as a last resort.
ALTER TABLE document_page ALTER COLUMN search_vector SET STORAGE MAIN;

-- SET STORAGE applies to values written from now on; the concatenation with an empty vector
-- writes each existing vector anew (the same lexemes and positions), so it moves into the row.
UPDATE document_page SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL;
