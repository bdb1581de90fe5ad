-- Lists order and filter by displayName ignoring case. Neither an index on LOWER(display_name) nor a stored generated
-- column can be declared in a statement that both H2 2.3 and PostgreSQL 15 accept, so the folded name is a column
-- of its own that every insert and update sets to LOWER(display_name).
ALTER TABLE device_management_script ADD COLUMN display_name_folded varchar;
UPDATE device_management_script SET display_name_folded = LOWER(display_name);
ALTER TABLE device_management_script ALTER COLUMN display_name_folded SET NOT NULL;

-- Lists page through a tenant's scripts by name, ties broken by id; the default order, by creation time, has its
-- index since V1.
CREATE INDEX device_management_script_name_order
    ON device_management_script (tenant_id, display_name_folded, id);
