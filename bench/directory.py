#!/usr/bin/env python3
"""Writes a seed document (docs/seeding.md) of a synthetic tenant, streaming, so any scale fits in little memory.

usage: directory.py FILE --tenant GUID --devices N [--users N] [--groups N] [--memberships-per-object K]

N managed devices, each with its Entra device; N users (default: as many as devices), each the primary user of the
device of the same number; groups (default N/10) in chains nested 5 deep (group g >= groups/5 is a member of group
g - groups/5); every device and every user in K groups (default 5), so 100,000 devices and users make about
1,000,000 membership edges. Ids are fixed by kind and number, so a benchmark can name any object:
  user n         00000001-0000-4000-8000-<n as 12 hex digits>
  group n        00000002-...      Entra device n (object id) 00000003-...
  Entra deviceId 00000004-...      managed device n           00000005-...
Names: user n 'User %07d', group n 'Group %07d', devices 'DEV-%07d'.
"""
import argparse
import json
import sys


def guid(kind, n):
    return "%08x-0000-4000-8000-%012x" % (kind, n)


def groups_of(n, offset, groups, k):
    """K distinct groups for object n, spread evenly over all groups."""
    picked = []
    step = max(1, groups // k)
    for i in range(k):
        g = (n * 7 + offset + i * step) % groups
        if g not in picked:
            picked.append(g)
    return picked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--devices", type=int, required=True)
    parser.add_argument("--users", type=int)
    parser.add_argument("--groups", type=int)
    parser.add_argument("--memberships-per-object", type=int, default=5)
    args = parser.parse_args()
    devices = args.devices
    users = args.users if args.users is not None else devices
    groups = args.groups if args.groups is not None else max(10, devices // 10)
    k = min(args.memberships_per_object, groups)
    level = max(1, groups // 5)

    members = [[] for _ in range(groups)]
    for g in range(level, groups):
        members[g - level].append(guid(2, g))
    for n in range(devices):
        for g in groups_of(n, 0, groups, k):
            members[g].append(guid(3, n))
    for n in range(users):
        for g in groups_of(n, 3, groups, k):
            members[g].append(guid(1, n))
    edges = sum(len(m) for m in members)

    with open(args.file, "w") as out:
        def items(name, count, make):
            out.write('"%s":[' % name)
            for n in range(count):
                if n:
                    out.write(",")
                out.write(json.dumps(make(n), separators=(",", ":")))
                out.write("\n")
            out.write("]")

        out.write('{"tenantId":"%s",' % args.tenant)
        items("users", users, lambda n: {
            "id": guid(1, n), "displayName": "User %07d" % n, "userPrincipalName": "user%07d@contoso.test" % n,
            "accountEnabled": True, "mailNickname": "user%07d" % n,
            "assignedLicenses": [{"skuId": "c7df2760-2c81-4ef7-b578-5b5392b571df", "disabledPlans": []}]
            if n % 10 else []})
        out.write(",")
        items("devices", devices, lambda n: {
            "id": guid(3, n), "deviceId": guid(4, n), "displayName": "DEV-%07d" % n, "operatingSystem": "Windows",
            "operatingSystemVersion": "10.0.22631.4460", "trustType": "AzureAd" if n % 3 else "ServerAd",
            "accountEnabled": True})
        out.write(",")
        items("groups", groups, lambda g: {
            "id": guid(2, g), "displayName": "Group %07d" % g, "mailEnabled": False,
            "mailNickname": "group%07d" % g, "securityEnabled": True, "groupTypes": [], "members": members[g]})
        out.write(",")
        items("managedDevices", devices, lambda n: {
            "id": guid(5, n), "deviceName": "DEV-%07d" % n, "azureADDeviceId": guid(4, n),
            "joinType": "azureADJoined" if n % 3 else "hybridAzureADJoined", "operatingSystem": "Windows",
            "osVersion": "10.0.22631.4460", "skuNumber": 4 if n % 2 else 48, "managedDeviceOwnerType": "company",
            "processorArchitecture": "x64", "manufacturer": "Contoso", "model": "Laptop %d" % (n % 9),
            "userId": guid(1, n) if n < users else None})
        out.write("}\n")
    print("wrote %s: %d users, %d groups, %d devices and managed devices, %d membership edges"
          % (args.file, users, groups, devices, edges), file=sys.stderr)


if __name__ == "__main__":
    main()
