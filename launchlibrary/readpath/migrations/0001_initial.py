from django.db import migrations, models


def carry_the_data_version(apps, schema_editor):
    """Continue the data version the response cache is keyed by, so no response cached
    under an old number can be taken for a new one."""
    old = apps.get_model("api", "DataVersion").objects.filter(pk=1).first()
    if old is not None:
        apps.get_model("readpath", "DataVersion").objects.create(pk=1, version=old.version + 1)


class Migration(migrations.Migration):
    initial = True

    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="Document",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("schema", models.CharField(max_length=128)),
                ("object_id", models.CharField(max_length=64)),
                ("body", models.BinaryField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("schema", "object_id"), name="one_document_per_schema")
                ],
            },
        ),
        migrations.RunPython(carry_the_data_version, migrations.RunPython.noop),
    ]
