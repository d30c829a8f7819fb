"""OParl 1.0/1.1 loader: a live server, a crawl dump or a folder of OParl JSON into the graph.

    from ratsgraph.loaders.oparl import import_oparl, is_oparl_dump
    report = import_oparl("https://example.org/oparl/v1.0/system", sink=store.write, since="2024-01-01")

Modules: client (HTTP), dump (files), quirks (vendor fixes), mapping (pure OParl -> graph),
cursor (resumable state), importer (the driver).
"""

from __future__ import annotations

from ratsgraph.loaders.oparl.client import ClientOptions, FetchError
from ratsgraph.loaders.oparl.dump import is_oparl_dump
from ratsgraph.loaders.oparl.importer import OParlReport, import_oparl

__all__ = ["ClientOptions", "FetchError", "OParlReport", "import_oparl", "is_oparl_dump"]
