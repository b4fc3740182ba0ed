-- The viewer reads a document by ranges with substring(): from a compressed value PostgreSQL
-- decompresses everything before the range, every call (all 30 MB of a long scan for its last
-- page). Stored out of line and uncompressed, a range reads only the pages of the value it covers.
-- PDFs are mostly compressed already, so little space is lost.
ALTER TABLE document_contents ALTER COLUMN content SET STORAGE EXTERNAL;

-- The new storage applies to values written from now on: the stored ones are written again.
-- (`content = content` would keep the old, compressed value; a concatenation makes a new one.)
UPDATE document_contents SET content = content || ''::bytea WHERE pg_column_compression(content) IS NOT NULL;
