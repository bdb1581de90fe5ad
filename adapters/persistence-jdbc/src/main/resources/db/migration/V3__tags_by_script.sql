-- A page of a list reads the tags of its scripts by script id. The primary key starts with the tenant, and H2 looks up
-- an IN list only through an index's first column, so without this index it read every tag of the tenant.
CREATE INDEX script_role_scope_tag_of_script ON script_role_scope_tag (script_id, tenant_id);
