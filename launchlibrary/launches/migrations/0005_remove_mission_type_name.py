from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("launches", "0004_mission_types_from_names"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="mission",
            name="type_name",
        ),
    ]
