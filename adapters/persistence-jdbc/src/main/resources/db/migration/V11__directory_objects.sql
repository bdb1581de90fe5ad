-- After V10, since PostgreSQL changes no column's collation under a view.
-- What a group's members list pages through: users, groups and devices alike, by what they share.
CREATE VIEW directory_object (tenant_id, id, kind, display_name, display_name_folded) AS
    SELECT tenant_id, id, 'user', display_name, display_name_folded FROM directory_user
    UNION ALL
    SELECT tenant_id, id, 'group', display_name, display_name_folded FROM directory_group
    UNION ALL
    SELECT tenant_id, id, 'device', display_name, display_name_folded FROM directory_device;
