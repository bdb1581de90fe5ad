-- Lists order and compare the folded strings as Java and H2 do, by character code. PostgreSQL's default collation
-- (en-US and the like) orders by language rules instead ('a_b' before 'a%b', 'Ä' beside 'A'), so every column that
-- a filter or an order compares takes the collation "C": UTF-8 byte order, which is character code order. (Java
-- compares UTF-16 code units, which orders the same except characters beyond U+FFFF against those from U+E000 on.)
-- The name index is rebuilt in it, so lists ordered by name still read it in their order.
ALTER TABLE device_management_script ALTER COLUMN display_name_folded TYPE varchar COLLATE "C";
ALTER TABLE device_management_script ALTER COLUMN description_folded TYPE varchar COLLATE "C";
ALTER TABLE device_management_script ALTER COLUMN file_name_folded TYPE varchar COLLATE "C";
ALTER TABLE device_management_script ALTER COLUMN run_as_account TYPE varchar(16) COLLATE "C";
