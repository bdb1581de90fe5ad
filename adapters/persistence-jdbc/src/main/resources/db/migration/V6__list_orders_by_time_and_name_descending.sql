-- Lists page through a tenant's scripts in the order the client asks for, ties broken by id ascending whatever the
-- direction of the key (ScriptQuerySql.orderBy). Each order here gets an index of exactly that shape, so the first
-- page reads one page of index entries instead of every script of the tenant, sorted: V1 and V2 already serve
-- createdDateTime (the default) and displayName ascending. A descending key needs an index of its own that is
-- descending too: read backwards, an ascending one gives the ids of equal keys in descending order, and H2 cannot
-- read an index backwards at all.
CREATE INDEX device_management_script_creation_order_desc
    ON device_management_script (tenant_id, created_date_time DESC, id);
CREATE INDEX device_management_script_modification_order
    ON device_management_script (tenant_id, last_modified_date_time, id);
CREATE INDEX device_management_script_modification_order_desc
    ON device_management_script (tenant_id, last_modified_date_time DESC, id);
CREATE INDEX device_management_script_name_order_desc
    ON device_management_script (tenant_id, display_name_folded DESC, id);

-- The other properties a list may be ordered by have no index, since each index costs every create, update and
-- delete: description and fileName are optional free text (their orders also place nulls, which an index would have
-- to match), and runAsAccount, enforceSignatureCheck and runAs32Bit hold two values each, an order of two groups
-- that no client pages through by. An order by those, or by a second key after the first, still runs in the
-- database; it reads all the tenant's scripts (H2) or those of equal first keys (PostgreSQL) to sort them.
