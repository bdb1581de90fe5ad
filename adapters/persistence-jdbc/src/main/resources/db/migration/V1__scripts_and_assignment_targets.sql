-- Standard SQL that H2 2.3 and PostgreSQL 15 both accept. Every key starts with the tenant, so no query can reach
-- another tenant's rows through a key, and every child row goes when its script is deleted.

CREATE TABLE device_management_script (
    tenant_id               uuid                     NOT NULL,
    id                      uuid                     NOT NULL,
    display_name            varchar                  NOT NULL,
    description             varchar,
    -- bytea: PostgreSQL's binary type, which H2 takes as BINARY VARYING (up to 1 GB; the model allows 200 KiB).
    script_content          bytea,
    file_name               varchar,
    run_as_account          varchar(16)              NOT NULL CHECK (run_as_account IN ('system', 'user')),
    enforce_signature_check boolean                  NOT NULL,
    run_as_32_bit           boolean                  NOT NULL,
    created_date_time       timestamp with time zone NOT NULL,
    last_modified_date_time timestamp with time zone NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Lists page through a tenant's scripts in this order.
CREATE INDEX device_management_script_creation_order
    ON device_management_script (tenant_id, created_date_time, id);

CREATE TABLE script_role_scope_tag (
    tenant_id uuid    NOT NULL,
    script_id uuid    NOT NULL,
    position  integer NOT NULL,
    tag_id    varchar NOT NULL,
    PRIMARY KEY (tenant_id, script_id, position),
    FOREIGN KEY (tenant_id, script_id) REFERENCES device_management_script (tenant_id, id) ON DELETE CASCADE
);

-- One row per target of a script's assignment set; position keeps the order the assign request named them in.
CREATE TABLE script_assignment_target (
    tenant_id     uuid         NOT NULL,
    script_id     uuid         NOT NULL,
    position      integer      NOT NULL,
    target_type   varchar(40)  NOT NULL CHECK (target_type IN ('group', 'exclusionGroup', 'allDevices',
                                                               'allLicensedUsers', 'configurationManagerCollection')),
    group_id      uuid,
    collection_id varchar(128),
    filter_type   varchar(16)  NOT NULL CHECK (filter_type IN ('none', 'include', 'exclude')),
    filter_id     uuid,
    PRIMARY KEY (tenant_id, script_id, position),
    FOREIGN KEY (tenant_id, script_id) REFERENCES device_management_script (tenant_id, id) ON DELETE CASCADE
);
