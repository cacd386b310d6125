"""The docs block heading each browsable page, in LL2's words: the operation's description in
the official schema, generated from the endpoint's declaration."""

from django.conf import settings

from launchlibrary.api.endpoint import Endpoint


def docs_markdown(endpoint: Endpoint) -> str:
    path = f"/{endpoint.path}/"
    examples = endpoint.examples

    def link(query: str) -> str:
        return f"[{path}?{query}](./?{query})"

    def example(query: str) -> str:
        return f"Example - {link(query)}"

    def names(fields) -> str:
        return ", ".join(f"`{name}`" for name in fields)

    sections = []
    if endpoint.modes:
        sections.append(
            f"#### Modes\nLevels of detail in the response - {names(endpoint.modes)}\n\n"
            + example(f"mode={examples.mode}")
        )
    if endpoint.filterset:
        sections.append(
            f"#### Filters\nParameters - {names(sorted(endpoint.filterset.base_filters))}\n\n"
            + example(examples.filter)
        )
    if endpoint.search:
        sections.append(
            f"#### Search\nFields searched - {names(endpoint.search)}\n\n"
            + example(f"search={examples.search}")
        )
    if endpoint.ordering:
        sections.append(
            f"#### Ordering\nFields - {names(endpoint.ordering)}\n\n"
            + example(f"ordering={examples.ordering}")
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
