"""An agency's parent becomes a relation: the name kept so far finds its agency, and stays
as the name only where this database holds no agency of that name."""

from django.db import migrations, models


def link_parents_by_name(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    for child in Agency.objects.exclude(parent_name=""):
        parent = Agency.objects.filter(name=child.parent_name).order_by("pk").first()
        if parent is not None:
            child.parent, child.parent_name = parent, ""
            child.save(update_fields=["parent", "parent_name"])


def names_from_parents(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    for child in Agency.objects.exclude(parent=None).select_related("parent"):
        child.parent_name = child.parent.name
        child.save(update_fields=["parent_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0003_counts_and_durations_not_negative"),
    ]

    operations = [
        migrations.RenameField("agency", "parent", "parent_name"),
        migrations.RunSQL(
            "UPDATE agencies_agency SET parent_name = '' WHERE parent_name IS NULL",
            migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="agency",
            name="parent_name",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.AddField(
            model_name="agency",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="children",
                to="agencies.agency",
            ),
        ),
        migrations.RunPython(link_parents_by_name, names_from_parents),
    ]
