-- Filters and orders compare strings ignoring case, as Java folds them (ScriptProperty.folded), on every database.
-- SQL's LOWER cannot promise that: PostgreSQL folds as its collation says, and under the byte-order collation that
-- lists need (V5) only ASCII letters. So the application folds each string property and stores the result beside
-- it; from now on display_name_folded too is written by the application instead of LOWER(?). Rows stored before
-- are folded here once; on H2, whose LOWER is Java's, that is the same result.
ALTER TABLE device_management_script ADD COLUMN description_folded varchar;
ALTER TABLE device_management_script ADD COLUMN file_name_folded varchar;
UPDATE device_management_script SET description_folded = LOWER(description), file_name_folded = LOWER(file_name);
