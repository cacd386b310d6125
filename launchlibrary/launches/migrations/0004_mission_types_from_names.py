"""Each mission type name in use becomes a mission type, and its missions point at it.

The rows take ids below 0, as the importer gives a type it knows by name only: LL2's own
row of the name, imported later with its id, then takes over their missions (see
`launchlibrary.ingest.importer`)."""

from django.db import migrations
from django.db.models import Min


def types_from_names(apps, schema_editor) -> None:
    Mission = apps.get_model("launches", "Mission")
    MissionType = apps.get_model("launches", "MissionType")
    names = (
        Mission.objects.exclude(type_name="")
        .order_by("type_name")
        .values_list("type_name", flat=True)
        .distinct()
    )
    for name in names:
        mission_type = MissionType.objects.filter(name=name).order_by("pk").first()
        if mission_type is None:
            lowest = MissionType.objects.aggregate(lowest=Min("pk"))["lowest"]
            mission_type = MissionType.objects.create(pk=min(lowest or 0, 0) - 1, name=name)
        Mission.objects.filter(type_name=name).update(type=mission_type)


def names_from_types(apps, schema_editor) -> None:
    Mission = apps.get_model("launches", "Mission")
    MissionType = apps.get_model("launches", "MissionType")
    for mission_type in MissionType.objects.all():
        Mission.objects.filter(type=mission_type).update(type_name=mission_type.name)


class Migration(migrations.Migration):

    dependencies = [
        ("launches", "0003_mission_type_lookup"),
    ]

    operations = [
        migrations.RunPython(types_from_names, names_from_types),
    ]
