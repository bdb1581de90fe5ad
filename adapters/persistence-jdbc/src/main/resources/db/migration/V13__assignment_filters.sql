-- Assignment filters (issue 15), kept with the directory so that they share its one write path. Columns as SqlTable
-- derives them from AssignmentFilterCollection; payloads are computed from the scripts' assignments, never stored.
-- roleScopeTags is a JSON array, only selected.
CREATE TABLE assignment_filter (
    tenant_id                                uuid                     NOT NULL,
    id                                       uuid                     NOT NULL,
    created_date_time                        timestamp with time zone NOT NULL,
    last_modified_date_time                  timestamp with time zone NOT NULL,
    display_name                             varchar                  NOT NULL,
    display_name_folded                      varchar                  NOT NULL,
    description                              varchar,
    description_folded                       varchar,
    platform                                 varchar                  NOT NULL,
    platform_folded                          varchar                  NOT NULL,
    rule                                     varchar                  NOT NULL,
    role_scope_tags                          varchar                  NOT NULL,
    assignment_filter_management_type        varchar                  NOT NULL,
    assignment_filter_management_type_folded varchar                  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- The list's documented $filter (targeting.md 1.4), each as (tenant, column, id) like the directory's (V9); the
-- primary key serves the default order by id.
CREATE INDEX assignment_filter_platform ON assignment_filter (tenant_id, platform_folded, id);
CREATE INDEX assignment_filter_management_type
    ON assignment_filter (tenant_id, assignment_filter_management_type_folded, id);
CREATE INDEX assignment_filter_name ON assignment_filter (tenant_id, display_name_folded, id);

-- What filter rules compare of operatingSystemVersion: the parts of osVersion as OsVersion parses it (missing parts
-- 0), all null when it does not parse. Written with every managed device; V14 fills them for the rows before.
ALTER TABLE managed_device ADD COLUMN os_version_part_1 bigint;
ALTER TABLE managed_device ADD COLUMN os_version_part_2 bigint;
ALTER TABLE managed_device ADD COLUMN os_version_part_3 bigint;
ALTER TABLE managed_device ADD COLUMN os_version_part_4 bigint;
-- A filter's device preview lists the devices of one platform (operatingSystem) by device name: its first page reads
-- the platform's first index entries, whatever the tenant's other devices.
CREATE INDEX managed_device_platform_name
    ON managed_device (tenant_id, operating_system_folded, device_name_folded, id);
