"""`thidua history NAME [PATH]...` and `thidua eligible YEAR [PATH]...`."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua_cli.cli.app import (
    EXIT_OK,
    CatalogueOption,
    DebugOption,
    JobsOption,
    LangOption,
    MaxMemoryOption,
    NoCacheOption,
    RawCsvOption,
    Reading,
    TimeoutOption,
    VerifyCacheOption,
    app,
    echo,
    err_console,
    handled,
    load_paths,
    out_console,
)
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:  # the rest is imported when a command runs, not for its --help
    from thidua_cli.records import Record


class PeopleFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


HISTORY_FIELDS = ["name", "unit", "kind", "year", "award", "level", "issuer", "decision_number", "file", "sheet", "row"]


@app.command("history")
def history_command(
    name: Annotated[str, typer.Argument(help="Tên người hoặc tập thể; gõ không dấu cũng được.")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: thư mục hiện hành).")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Chỉ người ở đơn vị có tên chứa chuỗi này.")] = None,
    merge_units: Annotated[
        bool, typer.Option("--merge-units", help="Coi những người cùng tên ở các đơn vị là một người.")
    ] = False,
    fmt: Annotated[PeopleFormat, typer.Option("--format", "-f", help="table, csv hoặc json.")] = PeopleFormat.TABLE,
    catalogue: CatalogueOption = None,
    jobs: JobsOption = None,
    max_memory: MaxMemoryOption = None,
    timeout: TimeoutOption = None,
    no_cache: NoCacheOption = False,
    raw_csv: RawCsvOption = False,
    verify_cache: VerifyCacheOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Quá trình khen thưởng của một người hoặc tập thể qua các năm, kèm nguồn (tệp, trang, dòng).

    Ví dụ:

      [bold]thidua history "Nguyễn Văn An" sample_data[/]

      [bold]thidua history "nguyen van an" sample_data --unit "Văn phòng"[/]
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.outputs import csv_cell
    from thidua_cli.people import history
    from thidua_cli.rendering import NARROW
    from thidua_cli.tally import unit_spellings

    with handled(lang, debug):
        targets = paths or [Path(".")]
        result = load_paths(
            targets,
            catalogue,
            True,
            lang,
            Reading(jobs, max_memory, timeout, no_cache, verify_cache),
            require_readable=True,
        )
        found = history(result.rows, name, unit, merge_units)
        units = unit_spellings(result.groups)  # the one spelling the counts show
        rows = [_history_row(r, units) for p in found for r in p.records]
        if fmt is PeopleFormat.JSON:
            echo(json.dumps({"people": len(found), "records": rows}, ensure_ascii=False, indent=2))
        elif fmt is PeopleFormat.CSV:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=HISTORY_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows if raw_csv else ({k: csv_cell(v) for k, v in r.items()} for r in rows))
            echo(buffer.getvalue(), nl=False)
        else:
            console = out_console()
            if not found:
                err_console().print(t("history_none", lang, who=name))
            if len(found) > 1 and not merge_units:
                places = {p.unit for p in found}
                console.print(Text(t("history_same_name", lang, n=len(found), units=len(places)), style="bold yellow"))
            narrow = console.width < NARROW  # compact: no rules, no issuer column, file names only
            for person in found:
                held = list(dict.fromkeys(str(_history_row(r, units)["unit"]) for r in person.records))
                several = merge_units and len(held) > 1  # merged: each row says its unit
                where = (
                    t("units_merged", lang, n=len(held)) if several else (units.get(person.unit, person.unit) or "?")
                )
                table = Table(
                    title=f"{person.name} — {where} ({person.kind})",
                    title_justify="left",
                    box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
                    padding=(0, 0) if narrow else (0, 1),
                    pad_edge=not narrow,
                )
                shown = ("year", "award", "level", *(() if narrow else ("issuer",)), "decision")
                for label in (*shown, *(("unit",) if several else ()), "source"):
                    table.add_column(
                        t(f"h_{label}", lang),
                        no_wrap=narrow and label in ("year", "level", "decision"),
                        overflow="fold" if label == "source" else "ellipsis",
                    )
                for r in person.records:
                    values = _history_row(r, units)
                    source = Path(str(values["file"])).name if narrow else values["file"]
                    table.add_row(
                        str(values["year"]),
                        str(values["award"]),
                        str(values["level"]),
                        *(() if narrow else (str(values["issuer"]),)),
                        str(values["decision_number"]),
                        *((str(values["unit"]) or "?",) if several else ()),
                        f"{source} › {values['sheet']} › {values['row']}",
                    )
                console.print(table)
        raise typer.Exit(EXIT_OK)


def _history_row(record: Record, units: dict[str, str]) -> dict[str, object]:
    from thidua_cli.records import RECORD_FIELDS

    row: dict[str, object] = {name: record[RECORD_FIELDS.index(name)] for name in HISTORY_FIELDS}
    row["unit"] = units.get(str(row["unit"]), row["unit"])
    return row


@app.command("eligible")
def eligible_command(
    year: Annotated[int, typer.Argument(min=1945, max=2100, help="Năm thi đua cần xét (năm đạt thành tích).")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: thư mục hiện hành).")] = None,
    award: Annotated[str | None, typer.Option("--award", help="Chỉ xét danh hiệu/hình thức này.")] = None,
    explain_name: Annotated[
        str | None, typer.Option("--explain", help="Giải thích từng quy tắc vì sao người này đủ / chưa đủ điều kiện.")
    ] = None,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="Bộ quy tắc riêng (TOML, dạng data/rules/*.toml).")
    ] = None,
    fmt: Annotated[PeopleFormat, typer.Option("--format", "-f", help="table, csv hoặc json.")] = PeopleFormat.TABLE,
    catalogue: CatalogueOption = None,
    jobs: JobsOption = None,
    max_memory: MaxMemoryOption = None,
    timeout: TimeoutOption = None,
    no_cache: NoCacheOption = False,
    raw_csv: RawCsvOption = False,
    verify_cache: VerifyCacheOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Ai đủ điều kiện đề nghị danh hiệu, hình thức cao hơn trong năm YEAR.

    Theo chuỗi các năm (3 năm CSTĐ cơ sở → CSTĐ tỉnh …), kèm quy tắc, điều luật, bằng chứng và
    điều cần xác minh.

    Ví dụ:

      [bold]thidua eligible 2020 sample_data[/]

      [bold]thidua eligible 2025 ho-so/ --award "Bằng khen" --format json[/]

      [bold]thidua eligible 2020 sample_data --explain "Nguyễn Văn An"[/]
    """
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from thidua_cli.display import shown
    from thidua_cli.eligibility import eligible, explain, load_rule_set
    from thidua_cli.outputs import csv_cell
    from thidua_cli.rendering import NARROW

    with handled(lang, debug):
        targets = paths or [Path(".")]
        result = load_paths(
            targets,
            catalogue,
            True,
            lang,
            Reading(jobs, max_memory, timeout, no_cache, verify_cache),
            require_readable=True,
        )
        rule_sets = [load_rule_set(rules)] if rules else None
        if explain_name:
            checks = explain(result.rows, explain_name, year, rule_sets, result.catalogue, lang)
            if fmt is PeopleFormat.JSON:
                payload = [{**c.as_candidate(lang), "met": c.met, "reasons": list(c.reasons)} for c in checks]
                echo(json.dumps({"explain": payload}, ensure_ascii=False, indent=2))
            else:
                console = out_console()
                if not checks:
                    err_console().print(t("history_none", lang, who=explain_name))
                for check in checks:
                    mark = "✓" if check.met else "✗"
                    head = f"{mark} {check.person.name} ({check.person.unit}) → {check.rule.award} ({check.level})"
                    console.print(Text(shown(head), style="bold green" if check.met else "bold"))
                    console.print(f"   {check.rule.id} · {check.rule.article} · {check.rule_set.id}", highlight=False)
                    for reason in check.reasons:
                        console.print(f"   {reason}", highlight=False)
            raise typer.Exit(EXIT_OK)
        from thidua_cli.catalogue import load_catalogue

        checks = eligible(result.rows, year, result.catalogue or load_catalogue(), award, rule_sets, lang)
        candidates = [c.as_candidate(lang) for c in checks]
        if fmt is PeopleFormat.JSON:
            echo(json.dumps({"candidates": candidates}, ensure_ascii=False, indent=2))
        elif fmt is PeopleFormat.CSV:
            buffer = io.StringIO()
            fields = [
                "name",
                "unit",
                "kind",
                "award",
                "level",
                "rule",
                "article",
                "rule_set",
                "evidence_years",
                "to_verify",
            ]
            writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            for cand in candidates:
                row = {
                    **{k: cand[k] for k in ("name", "unit", "kind", "award", "level")},
                    "rule": cand["rule"]["id"],
                    "article": cand["rule"]["article"],
                    "rule_set": cand["rule"]["rule_set"],
                    "evidence_years": " ".join(str(e["year"]) for e in cand["evidence"]),
                    "to_verify": "; ".join(cand["to_verify"]),
                }
                writer.writerow(row if raw_csv else {k: csv_cell(v) for k, v in row.items()})
            echo(buffer.getvalue(), nl=False)
        elif not checks:  # no empty table: the sentence says it
            out_console().print(t("eligible_none", lang, year=year))
        elif out_console().width < NARROW:  # a list: five columns of evidence do not fit
            console = out_console()
            console.print(Text(t("eligible_title", lang, year=year), style="bold"))
            for c in checks:
                console.print(
                    Text(shown(f"• {c.person.name} ({c.person.unit}) → {c.rule.award} ({c.rule.level})"), style="bold")
                )
                unconfirmed = f" {t('unconfirmed', lang)}" if c.rule.unconfirmed else ""
                lines = [f"{c.rule.id} · {c.rule.article} · {c.rule_set.id}{unconfirmed}"]
                lines += [
                    f"{e.year}: {e.award} ({e.level}) — {Path(e.file).name} › {e.sheet} › {e.row}" for e in c.evidence
                ]
                lines += [t("verify", lang, what=v) for v in c.rule.to_verify]
                for line in lines:
                    console.print(Padding(Text(shown(line)), (0, 0, 0, 2)))
            console.print(t("eligible_count", lang, n=len(checks)))
        else:
            console = out_console()
            table = Table(title=t("eligible_title", lang, year=year), show_lines=True)
            for label in ("e_who", "e_target", "e_rule", "e_evidence", "e_verify"):
                table.add_column(t(label, lang), overflow="fold")
            for c in checks:
                rule = f"{c.rule.id}\n{c.rule.meets(lang)}\n{c.rule_set.id}"
                if c.rule.unconfirmed:
                    rule += "\n" + t("unconfirmed", lang)
                evidence = "\n".join(
                    f"{e.year}: {e.award} ({e.level}) — {e.file} › {e.sheet} › {e.row}" for e in c.evidence
                )
                table.add_row(
                    f"{c.person.name}\n{c.person.unit}",
                    f"{c.rule.award} ({c.level})",
                    rule,
                    evidence,
                    "\n".join(t("verify", lang, what=v) for v in c.rule.to_verify),
                )
            console.print(table)
            console.print(t("eligible_count", lang, n=len(checks)))
        raise typer.Exit(EXIT_OK)
