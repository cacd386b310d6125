from django.db import migrations


class Migration(migrations.Migration):
    """Documents and the data version live in the read path's app now; documents are
    rendered again there (keyed by schema), the version carried over."""

    dependencies = [("api", "0001_initial"), ("readpath", "0001_initial")]

    operations = [
        migrations.DeleteModel(name="Document"),
        migrations.DeleteModel(name="DataVersion"),
    ]
