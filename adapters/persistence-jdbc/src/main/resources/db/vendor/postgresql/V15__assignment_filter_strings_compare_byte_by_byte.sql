-- The assignment filters' columns that filters and orders compare take the collation "C", as V10 gives the
-- directory's: character code order, as Java and H2 compare.
ALTER TABLE assignment_filter ALTER COLUMN display_name_folded TYPE varchar COLLATE "C";
ALTER TABLE assignment_filter ALTER COLUMN description_folded TYPE varchar COLLATE "C";
ALTER TABLE assignment_filter ALTER COLUMN platform_folded TYPE varchar COLLATE "C";
ALTER TABLE assignment_filter ALTER COLUMN assignment_filter_management_type_folded TYPE varchar COLLATE "C";
