-- A walk's lists join the objects it reached by (tenant, id), reading the walk first (see JdbcDirectoryView), instead
-- of testing each of the tenant's objects against the walk: at 10,000 groups that read them all for every
-- transitiveMemberOf. The walk's rows last only as long as the transaction that writes them, so there are none to
-- fill the new column for.
DELETE FROM directory_walk;
ALTER TABLE directory_walk ADD COLUMN tenant_id uuid NOT NULL;
-- H2 looks a walk's groups up through this index when told to (Vendor.through): left to choose, it reads the
-- tenant's groups in the order of a list's sort through an index that cannot look an id up.
CREATE INDEX directory_group_by_id ON directory_group (id, tenant_id);
