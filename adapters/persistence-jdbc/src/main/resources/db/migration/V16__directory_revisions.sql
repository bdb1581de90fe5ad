-- Each write of a tenant's directory counts up its revision in the same transaction, so that a result computed
-- from the directory (the count of a filter preview) can be reused while the revision stays the same.
ALTER TABLE directory_tenant ADD COLUMN revision bigint NOT NULL DEFAULT 0;
