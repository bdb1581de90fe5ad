-- Reads that name scripts by id (the tags of a list page, assignment sets of one script or of a page) look them up
-- by an IN list of ids. Every key starts with the tenant, and H2 looks an IN list up only through an index's first
-- column, so without these indexes it read every script or tag of the tenant for them.
CREATE INDEX device_management_script_by_id ON device_management_script (id, tenant_id);
CREATE INDEX script_role_scope_tag_by_script ON script_role_scope_tag (script_id, tenant_id);
