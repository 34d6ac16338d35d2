"""Clause changes rolled up to the articles (条) a reader of a 新旧对照表 cites.

A regulation's article is cut into clauses (its head, its items （一）（二）, its paragraphs)
so that alignment and the character diff work on comparable units; a report shows and
counts whole articles: 删除 2 when two articles were deleted, however many items they had.
Text without articles (a plan's 一、（一）1.) keeps one row per clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.diff.model import Clause, ClauseChange, ClauseStatus

_ARTICLE = re.compile(r"第[^第条]{1,8}条")


def article_of(ref: str | None) -> str | None:
    """The article a clause reference lies in (第二章第九条（一） → 第九条), None outside any.

    Example:
        >>> article_of("第二章第九条（一）¶2"), article_of("三、（一）")
        ('第九条', None)
    """
    found = _ARTICLE.findall(ref or "")
    return found[-1] if found else None


@dataclass(frozen=True)
class ArticleChange:
    """One article (or one clause outside any article) and what happened to it."""

    clauses: tuple[ClauseChange, ...]

    @property
    def old(self) -> Clause | None:
        return next((c.old for c in self.clauses if c.old is not None), None)

    @property
    def new(self) -> Clause | None:
        return next((c.new for c in self.clauses if c.new is not None), None)

    @property
    def old_ref(self) -> str | None:
        return article_of(self.old.ref) or self.old.ref if self.old else None

    @property
    def new_ref(self) -> str | None:
        return article_of(self.new.ref) or self.new.ref if self.new else None

    @property
    def status(self) -> ClauseStatus:
        """added or removed when every clause was; unchanged or moved when no clause
        changed its words; else modified. A renumbered article is no change."""
        kinds = {c.status for c in self.clauses}
        if len(kinds) == 1 and kinds <= {"added", "removed", "unchanged"}:
            return next(iter(kinds))
        if kinds <= {"unchanged", "moved"}:
            return "moved"
        return "modified"

    @property
    def renumbered(self) -> bool:
        return bool(self.old_ref and self.new_ref and self.old_ref != self.new_ref
                    and article_of(self.old_ref) is not None)


def _joins(group: list[ClauseChange], change: ClauseChange) -> bool:
    """Whether a clause belongs to the article being gathered: the same new article, or,
    for a clause the new version dropped, one of the old articles gathered so far."""
    new_article = next((article_of(c.new.ref) for c in group if c.new), None)
    old_articles = {article_of(c.old.ref) for c in group if c.old} - {None}
    if change.new is not None:
        return new_article is not None and article_of(change.new.ref) == new_article
    return article_of(change.old.ref) in old_articles if change.old else False


def roll_up(changes: tuple[ClauseChange, ...]) -> tuple[ArticleChange, ...]:
    """Consecutive clauses of one article as one row, in the order of the diff."""
    rows: list[list[ClauseChange]] = []
    for change in changes:
        if rows and _joins(rows[-1], change):
            rows[-1].append(change)
        else:
            rows.append([change])
    return tuple(ArticleChange(tuple(r)) for r in rows)
