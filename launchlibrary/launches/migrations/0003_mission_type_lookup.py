# The mission's type, a name so far, moves aside for a foreign key to the mission types;
# 0004 fills the key from the names and 0005 drops them.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('launches', '0002_lookup_tables'),
    ]

    operations = [
        migrations.RenameField(
            model_name='mission',
            old_name='type',
            new_name='type_name',
        ),
        migrations.AddField(
            model_name='mission',
            name='type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='launches.missiontype'),
        ),
    ]
