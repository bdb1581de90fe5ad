-- Effective targeting (issue 16) looks many objects up at once (TargetingDirectory), each lookup one IN list of ids
-- per statement. H2 looks an IN list up only through an index whose first column it is (see V3), so each lookup has
-- an index that starts with the column it names; walks down a group and pages of the tenant's devices and users read
-- the primary keys, and a group's lookup V12's directory_group_by_id.
CREATE INDEX directory_user_by_id ON directory_user (id, tenant_id);
CREATE INDEX directory_device_by_id ON directory_device (id, tenant_id);
CREATE INDEX directory_device_by_device_id ON directory_device (device_id, tenant_id);
CREATE INDEX assignment_filter_by_id ON assignment_filter (id, tenant_id);
CREATE INDEX managed_device_by_azure_ad_device_id ON managed_device (azure_ad_device_id, tenant_id);
CREATE INDEX directory_membership_by_member_id ON directory_membership (member_id, tenant_id, group_id);

-- Every user who signs in on a managed device: its primary user and each user in usersLoggedOn, a JSON list no index
-- reads, so that the devices of a page of users are found without reading every device. Written with the device in
-- the one write path; V18 fills it for the devices stored before. (V9's index managed_device_user has the name.)
CREATE TABLE managed_device_logon (
    tenant_id         uuid NOT NULL,
    managed_device_id uuid NOT NULL,
    user_id           uuid NOT NULL,
    PRIMARY KEY (tenant_id, managed_device_id, user_id)
);
CREATE INDEX managed_device_logon_by_user_id ON managed_device_logon (user_id, tenant_id, managed_device_id);
