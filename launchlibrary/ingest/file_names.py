"""The names of the files an export writes and `import_ll2` reads back:
`<place>-<resource, "/" as ".">-<page>.json` (`000-config.agency_types-000001.json`; the
one-object dashboard has no page number). The place orders the files as they must be
imported; the resource routes a lookup page, whose objects carry no `url`, where the page
has no `next` or `previous` link to name it.
"""

import re

EXPORTED_FILE = re.compile(r"(?P<place>\d{3})-(?P<resource>[a-z_]+(?:\.[a-z_]+)*)(?:-\d{6})?\.json")


def file_name(place: int, resource: str, page: int | None) -> str:
    number = "" if page is None else f"-{page:06d}"
    return f"{place:03d}-{resource.replace('/', '.')}{number}.json"


def exported_resource(name: str) -> str | None:
    """The resource an export's file name names (`config/orbits`), None for another name."""
    match = EXPORTED_FILE.fullmatch(name)
    return match["resource"].replace(".", "/") if match else None
