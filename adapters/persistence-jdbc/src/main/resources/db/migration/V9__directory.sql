-- The directory (issue 14): users, groups, Entra devices, Intune managed devices, group memberships and the scripts'
-- run states. Standard SQL that H2 2.3 and PostgreSQL 15 both accept. Columns are named as SqlTable derives them from
-- the collection declarations (application.collections); each string that compares ignoring case has its folded form
-- beside it in <column>_folded, written by the application (see V4). Lists that are only selected are JSON arrays.
-- No foreign keys between these tables: a seed writes references before what they name and checks them all at its
-- end (DirectoryWrites.danglingReferences), in one transaction.

-- One row per tenant that ever wrote its directory: a write locks it first (SELECT ... FOR UPDATE), so that writes of
-- one tenant run one after the other, also across servers sharing the database.
CREATE TABLE directory_tenant (
    tenant_id uuid NOT NULL PRIMARY KEY
);

CREATE TABLE directory_user (
    tenant_id                  uuid                     NOT NULL,
    id                         uuid                     NOT NULL,
    display_name               varchar,
    display_name_folded        varchar,
    user_principal_name        varchar                  NOT NULL,
    user_principal_name_folded varchar                  NOT NULL,
    account_enabled            boolean                  NOT NULL,
    mail                       varchar,
    mail_folded                varchar,
    mail_nickname              varchar,
    mail_nickname_folded       varchar,
    created_date_time          timestamp with time zone NOT NULL,
    assigned_licenses          varchar                  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE directory_group (
    tenant_id                               uuid                     NOT NULL,
    id                                      uuid                     NOT NULL,
    created_date_time                       timestamp with time zone NOT NULL,
    description                             varchar,
    description_folded                      varchar,
    display_name                            varchar,
    display_name_folded                     varchar,
    group_types                             varchar                  NOT NULL,
    -- The folded types, each preceded and followed by '|' ('|unified|dynamicmembership|', '|' when none), which a
    -- filter groupTypes/any(c:c eq 'x') matches with LIKE '%|x|%'.
    group_types_folded                      varchar                  NOT NULL,
    mail                                    varchar,
    mail_folded                             varchar,
    mail_enabled                            boolean                  NOT NULL,
    mail_nickname                           varchar,
    mail_nickname_folded                    varchar,
    membership_rule                         varchar,
    membership_rule_folded                  varchar,
    membership_rule_processing_state        varchar,
    membership_rule_processing_state_folded varchar,
    security_enabled                        boolean                  NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE directory_device (
    tenant_id                          uuid                     NOT NULL,
    id                                 uuid                     NOT NULL,
    account_enabled                    boolean                  NOT NULL,
    approximate_last_sign_in_date_time timestamp with time zone,
    device_id                          uuid                     NOT NULL,
    device_ownership                   varchar,
    device_ownership_folded            varchar,
    display_name                       varchar,
    display_name_folded                varchar,
    enrollment_profile_name            varchar,
    enrollment_profile_name_folded     varchar,
    is_compliant                       boolean,
    is_managed                         boolean,
    operating_system                   varchar,
    operating_system_folded            varchar,
    operating_system_version           varchar,
    operating_system_version_folded    varchar,
    registration_date_time             timestamp with time zone,
    trust_type                         varchar,
    trust_type_folded                  varchar,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE managed_device (
    tenant_id                           uuid                     NOT NULL,
    id                                  uuid                     NOT NULL,
    user_id                             uuid,
    device_name                         varchar,
    device_name_folded                  varchar,
    managed_device_owner_type           varchar,
    enrolled_date_time                  timestamp with time zone,
    last_sync_date_time                 timestamp with time zone,
    operating_system                    varchar,
    operating_system_folded             varchar,
    compliance_state                    varchar,
    compliance_state_folded             varchar,
    management_agent                    varchar,
    management_agent_folded             varchar,
    os_version                          varchar,
    os_version_folded                   varchar,
    azure_ad_registered                 boolean                  NOT NULL,
    device_enrollment_type              varchar,
    device_enrollment_type_folded       varchar,
    email_address                       varchar,
    email_address_folded                varchar,
    azure_ad_device_id                  uuid,
    device_category_display_name        varchar,
    device_category_display_name_folded varchar,
    model                               varchar,
    model_folded                        varchar,
    manufacturer                        varchar,
    manufacturer_folded                 varchar,
    serial_number                       varchar,
    serial_number_folded                varchar,
    user_principal_name                 varchar,
    user_principal_name_folded          varchar,
    user_display_name                   varchar,
    user_display_name_folded            varchar,
    join_type                           varchar,
    join_type_folded                    varchar,
    sku_family                          varchar,
    sku_family_folded                   varchar,
    sku_number                          bigint,
    processor_architecture              varchar,
    processor_architecture_folded       varchar,
    enrollment_profile_name             varchar,
    enrollment_profile_name_folded      varchar,
    role_scope_tag_ids                  varchar                  NOT NULL,
    users_logged_on                     varchar                  NOT NULL,
    is_tpm_attested                     boolean,
    PRIMARY KEY (tenant_id, id)
);

-- A group's direct members, each a user, group or device by its object id.
CREATE TABLE directory_membership (
    tenant_id uuid NOT NULL,
    group_id  uuid NOT NULL,
    member_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, member_id)
);

-- How a script last ran on a managed device; id is '{scriptId}:{managedDeviceId}' (Graph's opaque id), so a script's
-- states are one run of the primary key in id order, which is their default order.
CREATE TABLE device_run_state (
    tenant_id                   uuid                     NOT NULL,
    id                          varchar                  NOT NULL,
    id_folded                   varchar                  NOT NULL,
    script_id                   uuid                     NOT NULL,
    managed_device_id           uuid                     NOT NULL,
    run_state                   varchar                  NOT NULL,
    run_state_folded            varchar                  NOT NULL,
    result_message              varchar,
    result_message_folded       varchar,
    last_state_update_date_time timestamp with time zone,
    error_code                  bigint,
    error_description           varchar,
    error_description_folded    varchar,
    PRIMARY KEY (tenant_id, id)
);

-- The objects a membership walk has reached, breadth first, for the statement that pages through them; a read's rows
-- are rolled back with it, a write deletes its own (see JdbcDirectory).
CREATE TABLE directory_walk (
    walk_id   uuid    NOT NULL,
    object_id uuid    NOT NULL,
    depth     integer NOT NULL,
    PRIMARY KEY (walk_id, object_id)
);
CREATE INDEX directory_walk_frontier ON directory_walk (walk_id, depth, object_id);

-- The documented filters and orders (targeting.md 1.1 to 1.3.2), each as (tenant, column, id) so that a page reads
-- one page of index entries; descending orders of displayName read their own index (see V6).
CREATE INDEX directory_group_name_order ON directory_group (tenant_id, display_name_folded, id);
CREATE INDEX directory_group_name_order_desc ON directory_group (tenant_id, display_name_folded DESC, id);
CREATE INDEX directory_group_security ON directory_group (tenant_id, security_enabled, id);
CREATE INDEX directory_user_name_order ON directory_user (tenant_id, display_name_folded, id);
CREATE INDEX directory_user_name_order_desc ON directory_user (tenant_id, display_name_folded DESC, id);
CREATE INDEX directory_user_principal_name ON directory_user (tenant_id, user_principal_name_folded, id);
CREATE INDEX directory_user_enabled ON directory_user (tenant_id, account_enabled, id);
CREATE INDEX directory_device_device_id ON directory_device (tenant_id, device_id, id);
CREATE INDEX directory_device_name_order ON directory_device (tenant_id, display_name_folded, id);
CREATE INDEX directory_device_operating_system ON directory_device (tenant_id, operating_system_folded, id);
CREATE INDEX managed_device_name ON managed_device (tenant_id, device_name_folded, id);
CREATE INDEX managed_device_operating_system ON managed_device (tenant_id, operating_system_folded, id);
CREATE INDEX managed_device_user ON managed_device (tenant_id, user_id, id);
CREATE INDEX managed_device_azure_ad_device ON managed_device (tenant_id, azure_ad_device_id, id);
-- Walks down (a group's members) read the primary key; walks up (the groups that hold an object) read this.
CREATE INDEX directory_membership_by_member ON directory_membership (tenant_id, member_id, group_id);
-- Deleting a managed device deletes its states; a script's states are listed, counted and deleted with it.
CREATE INDEX device_run_state_by_device ON device_run_state (tenant_id, managed_device_id);
CREATE INDEX device_run_state_by_script ON device_run_state (tenant_id, script_id, managed_device_id);
