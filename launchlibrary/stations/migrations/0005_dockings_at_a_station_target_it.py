from django.db import migrations


def target_the_station_docked_at(apps, schema_editor):
    """Dockings stored without a target, at a station's docking location, target that
    station (as `DockingEvent.save` sees to for new ones)."""
    DockingEvent = apps.get_model("stations", "DockingEvent")
    untargeted = DockingEvent.objects.filter(
        space_station_target__isnull=True, docking_location__spacestation__isnull=False
    )
    for event_id, station_id in untargeted.values_list("id", "docking_location__spacestation"):
        DockingEvent.objects.filter(pk=event_id).update(space_station_target=station_id)


class Migration(migrations.Migration):
    dependencies = [
        ("stations", "0004_docking_locations_keep_ll2s_order"),
    ]

    operations = [
        migrations.RunPython(target_the_station_docked_at, migrations.RunPython.noop),
    ]
