"""The docs block heading each browsable page, in LL2's words: the operation's description in
the official schema, generated from the endpoint's declaration."""

from django.conf import settings

from launchlibrary.api.endpoint import Endpoint


def docs_block(endpoint: Endpoint) -> str:
    """The docs block of the browsable page: LL2's, opened by the endpoint's notes."""
    ll2_block = docs_markdown(endpoint)
    return f"{endpoint.notes}\n\n{ll2_block}" if endpoint.notes else ll2_block


def docs_markdown(endpoint: Endpoint) -> str:
    """LL2's docs block of the endpoint, as the official schema describes its operations."""
    path = f"/{endpoint.path}/"
    examples = endpoint.examples

    def link(query: str) -> str:
        return f"[{path}?{query}](./?{query})"

    def example(query: str) -> str:
        return f"Example - {link(query)}"

    def listing(heading: str, label: str, fields, query: str) -> str:
        """A section naming fields, each in backticks, with an example query."""
        names = ", ".join(f"`{name}`" for name in fields)
        return f"#### {heading}\n{label} - {names}\n\n{example(query)}"

    sections = []
    if endpoint.modes:
        sections.append(
            listing(
                "Modes", "Levels of detail in the response", endpoint.modes, f"mode={examples.mode}"
            )
        )
    if endpoint.filterset:
        filters = sorted(endpoint.filterset.base_filters)
        sections.append(listing("Filters", "Parameters", filters, examples.filter))
    if endpoint.search:
        sections.append(
            listing("Search", "Fields searched", endpoint.search, f"search={examples.search}")
        )
    if endpoint.ordering:
        sections.append(
            listing("Ordering", "Fields", endpoint.ordering, f"ordering={examples.ordering}")
        )
    docs_url = settings.LL2_DOCS_URL
    docs_text = docs_url.split("://", 1)[-1].rstrip("/")
    sections += [
        "#### Number of results\n"
        "Use `limit` to control the number of objects in the response (max 100)\n\n"
        + example("limit=2"),
        "#### Format\nSwitch to JSON output - " + link("format=json"),
        "#### Help\nFind all the FAQs and support links on the documentation homepage - "
        f"[{docs_text}]({docs_url})",
    ]
    return "\n\n".join(sections)
