"""The built catalogue kept in the per-user cache, so that a run does not build it again.

Building the catalogue (parsing its TOML, computing the matching key of every alias) costs
~50 ms of every start; reading it back costs ~2 ms. One file per set of catalogue files (their
names and texts) and version of the code, `catalogue-<fingerprint>-<code>.marshal`: an HMAC-SHA-256 line (the cache's secret, see `cache`), then
`marshal` data — plain tuples, dicts, sets and strings, never code or pickle. The signed header
names the catalogue's fingerprint, the tool's version and its code fingerprint, so a changed
catalogue or reader never reuses a table built by another. A file that does not verify or load
is ignored and written again; `--no-cache` never reads or writes one.
"""

from __future__ import annotations

import hmac
import marshal
import os
from dataclasses import fields
from typing import Any

from thidua_cli import __version__
from thidua_cli.cache import Cache, code_fingerprint
from thidua_cli.catalogue import Award, Catalogue, DecisionSuffix, Issuer
from thidua_cli.patterns import lazy

FORMAT = 1
SUFFIX = ".marshal"
# Fields holding the catalogue's own objects, stored as indexes into `awards` and `issuers`;
# every other field is plain data and stored as it is.
_OBJECTS = ("awards", "issuers", "suffixes", "_award_keys", "_issuer_keys", "_by_name")


class CatalogueStore:
    """`catalogue.Store` in the cache folder of `cache`, signed with its secret."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def _path(self, fingerprint: str) -> str:
        """Named by the catalogue and the code too: two installs sharing a cache folder keep one
        file each, instead of overwriting each other's on every run."""
        return os.path.join(str(self.cache.directory), f"catalogue-{fingerprint}-{code_fingerprint()[:12]}{SUFFIX}")

    def _header(self, fingerprint: str) -> bytes:
        return f"{FORMAT}:{__version__}:{code_fingerprint()}:{fingerprint}".encode()

    def get(self, fingerprint: str) -> Catalogue | None:
        try:
            with open(self._path(fingerprint), "rb") as handle:
                digest = handle.readline().rstrip(b"\n")
                body = handle.read()
        except OSError:
            return None
        header = self._header(fingerprint)
        expected = hmac.new(self.cache.secret(), header + b"\n" + body, "sha256").hexdigest().encode()
        if not hmac.compare_digest(digest, expected):
            return None
        try:
            return _thawed(marshal.loads(body))
        except (ValueError, EOFError, TypeError, KeyError, IndexError):
            return None

    def put(self, fingerprint: str, catalogue: Catalogue) -> None:
        try:
            body = marshal.dumps(_frozen(catalogue))
        except ValueError:  # a field that is not plain data: build it each time rather than store it wrong
            return
        digest = hmac.new(self.cache.secret(), self._header(fingerprint) + b"\n" + body, "sha256").hexdigest()
        target = self._path(fingerprint)
        temporary = f"{target}.{os.getpid()}.tmp"
        try:
            os.makedirs(str(self.cache.directory), exist_ok=True)
            with open(temporary, "wb") as out:
                out.write(digest.encode() + b"\n" + body)
            os.replace(temporary, target)
        except OSError:  # a read-only or full disk only costs speed
            pass


def _frozen(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as plain data: awards and issuers as tuples of their fields, references to
    them as indexes."""
    award_at = {id(award): i for i, award in enumerate(catalogue.awards)}
    issuer_at = {id(issuer): i for i, issuer in enumerate(catalogue.issuers)}
    plain = {f.name: getattr(catalogue, f.name) for f in fields(catalogue) if f.name not in _OBJECTS}
    plain["awards"] = [tuple(getattr(award, f.name) for f in fields(Award)) for award in catalogue.awards]
    plain["issuers"] = [(issuer.name, issuer.level) for issuer in catalogue.issuers]
    plain["suffixes"] = [(s.pattern.pattern, s.pattern.flags, s.levels, s.issuer) for s in catalogue.suffixes]
    plain["_award_keys"] = {k: (award_at[id(award)], level) for k, (award, level) in catalogue._award_keys.items()}
    plain["_issuer_keys"] = {k: issuer_at[id(issuer)] for k, issuer in catalogue._issuer_keys.items()}
    return plain


def _thawed(plain: dict[str, Any]) -> Catalogue:
    """The stored catalogue; its decision-number patterns compiled when first used (they were
    compiled when it was built: no error is left to find, and a run from the cache uses none)."""
    awards = [Award(*values) for values in plain.pop("awards")]
    issuers = [Issuer(*values) for values in plain.pop("issuers")]
    suffixes = [DecisionSuffix(lazy(p, flags), levels, issuer) for p, flags, levels, issuer in plain.pop("suffixes")]
    award_keys = {k: (awards[at], level) for k, (at, level) in plain.pop("_award_keys").items()}
    issuer_keys = {k: issuers[at] for k, at in plain.pop("_issuer_keys").items()}
    by_name = {award.name: award for award in awards}
    return Catalogue(
        awards=awards,
        issuers=issuers,
        suffixes=suffixes,
        _award_keys=award_keys,
        _issuer_keys=issuer_keys,
        _by_name=by_name,
        **plain,
    )
