"""Compressed responses: brotli or gzip, as the client's `Accept-Encoding` prefers.

A detailed page of 100 spacecraft is 300 KB of JSON on the bundled data, a megabyte on the
benchmark's; brotli makes it 17 to 45 times smaller, gzip 9 times (benchmarks/results.md).
Responses from the whole-response cache (`readpath.responses`) come compressed already,
once per body and encoding; `CompressionMiddleware` compresses the rest of the API's
responses, those built per request.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import brotli
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from launchlibrary.api.links import API_VERSION

# Shorter bodies are sent as they are: a few hundred bytes fit in one packet either way.
MIN_BYTES = 500
# Measured on the benchmark's pages (benchmarks/http_costs.py): each step past these costs
# 1.5 to 2 times the CPU for 8 to 14% fewer bytes, and a fresh query pays it on each request
# (a detailed page of 100: brotli 4 takes 2 to 3 ms, gzip 4 3 to 11 ms).
GZIP_LEVEL = 4
BROTLI_QUALITY = 4

CODERS: dict[str, Callable[[bytes], bytes]] = {
    # Deterministic output (no timestamp), so that equal bodies are equal bytes.
    "gzip": lambda body: zlib.compress(body, GZIP_LEVEL, wbits=31),
    "br": lambda body: brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY),
}
# Between codings the client accepts equally, the smaller output wins.
PREFERENCE = ("br", "gzip")


def accepted_encoding(accept_encoding: str) -> str | None:
    """The coding to send a body in: of those the client accepts (q > 0), the one it weighs
    highest, brotli on a tie; None for the body as it is."""
    weights: dict[str, float] = {}
    for item in accept_encoding.split(","):
        coding, *parameters = (part.strip() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        coding = coding.lower()
        weights["gzip" if coding == "x-gzip" else coding] = weight
    best, best_weight = None, 0.0
    for coding in PREFERENCE:
        weight = weights.get(coding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def encoding_for(request: HttpRequest, body: bytes) -> str | None:
    """The coding this body is sent to this client in; None when it goes as it is."""
    if len(body) < MIN_BYTES:
        return None
    return accepted_encoding(request.headers.get("Accept-Encoding", ""))


def compress(body: bytes, encoding: str) -> bytes:
    return CODERS[encoding](body)


class CompressionMiddleware:
    """Compresses the API's responses built per request (live JSON, the OpenAPI schema, a
    browsable page rendered live), and says on every API response that its encoding depends
    on `Accept-Encoding`.

    A response with an ETag is left as it is: the tag names exact bytes, so whoever set it
    chose the encoding (the response cache compresses once per body, not per request). The
    admin is left out: its pages carry CSRF tokens, which compression would expose to
    BREACH, and they are small.
    """

    prefix = f"/{API_VERSION}/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith(self.prefix):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if response.status_code == 304:
            # CommonMiddleware gives a 304 `Content-Length: 0`, where RFC 9110 (8.6) allows
            # only the length of the 200's body; it has none to send.
            del response["Content-Length"]
            return response
        if response.streaming or "Content-Encoding" in response or "ETag" in response:
            return response
        encoding = encoding_for(request, response.content)
        if encoding is not None:
            response.content = compress(response.content, encoding)
            response["Content-Length"] = str(len(response.content))
            response["Content-Encoding"] = encoding
        return response
