-- Issue 17: Intune's audit events and Entra's directory audits, each row written in the transaction of its change
-- (AuditRows). Columns as SqlTable derives them from AuditEventCollection and DirectoryAuditCollection, only for
-- what queries filter and order by; displayName and activityType are activity, componentName is category (SqlTable
-- shares their columns), and the constant activityResult and result have a column only for $filter. The entry itself
-- is JSON in `entry`, the only column answers read.
CREATE TABLE audit_event (
    tenant_id                      uuid                     NOT NULL,
    id                             uuid                     NOT NULL,
    activity_date_time             timestamp with time zone NOT NULL,
    activity_folded                varchar                  NOT NULL,
    activity_operation_type_folded varchar                  NOT NULL,
    activity_result_folded         varchar                  NOT NULL DEFAULT 'success',
    category_folded                varchar                  NOT NULL,
    correlation_id                 uuid                     NOT NULL,
    entry                          varchar                  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- The default order, newest first (ties by id ascending, as V6 explains), also serves time ranges; retention deletes
-- the oldest of every tenant through the second.
CREATE INDEX audit_event_order ON audit_event (tenant_id, activity_date_time DESC, id);
CREATE INDEX audit_event_expiry ON audit_event (activity_date_time);

-- The ids resources/any(r:r/resourceId eq '...') tests, folded, a row each, with their entry's time (SqlTable's
-- SideTable): the history of one script reads its own entries through the first index, newest first, from where the
-- page starts, and looks each up by id in audit_event, however many entries the tenant has. That index is unique, as
-- an entry names a resource once; there is no primary key beside it, which would only cost every write an index.
-- The rows go with their entry.
CREATE TABLE audit_event_resource (
    tenant_id          uuid                     NOT NULL,
    resource_id        varchar                  NOT NULL,
    id                 uuid                     NOT NULL,
    activity_date_time timestamp with time zone NOT NULL,
    FOREIGN KEY (tenant_id, id) REFERENCES audit_event (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX audit_event_resource_order
    ON audit_event_resource (tenant_id, resource_id, activity_date_time DESC, id);
CREATE INDEX audit_event_resource_by_id ON audit_event_resource (tenant_id, id);

CREATE TABLE directory_audit (
    tenant_id                                    uuid                     NOT NULL,
    id                                           uuid                     NOT NULL,
    activity_date_time                           timestamp with time zone NOT NULL,
    activity_display_name_folded                 varchar                  NOT NULL,
    category_folded                              varchar                  NOT NULL,
    correlation_id                               uuid                     NOT NULL,
    logged_by_service_folded                     varchar                  NOT NULL,
    operation_type_folded                        varchar                  NOT NULL,
    result_folded                                varchar                  NOT NULL DEFAULT 'success',
    initiated_by_user_id                         varchar,
    initiated_by_user_id_folded                  varchar,
    initiated_by_user_user_principal_name        varchar,
    initiated_by_user_user_principal_name_folded varchar,
    initiated_by_app_app_id                      varchar,
    initiated_by_app_app_id_folded               varchar,
    entry                                        varchar                  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX directory_audit_order ON directory_audit (tenant_id, activity_date_time DESC, id);
CREATE INDEX directory_audit_expiry ON directory_audit (activity_date_time);

-- What targetResources/any(t:t/id eq '...') tests, as audit_event_resource.
CREATE TABLE directory_audit_target (
    tenant_id          uuid                     NOT NULL,
    target_id          varchar                  NOT NULL,
    id                 uuid                     NOT NULL,
    activity_date_time timestamp with time zone NOT NULL,
    FOREIGN KEY (tenant_id, id) REFERENCES directory_audit (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX directory_audit_target_order
    ON directory_audit_target (tenant_id, target_id, activity_date_time DESC, id);
CREATE INDEX directory_audit_target_by_id ON directory_audit_target (tenant_id, id);
