"""A list keyed by a code whose headers fit two kinds is the kind the store holds its codes
of (`arena.ingest.stored_kind`): "Kod;Namn" of indicator codes updates the indicators, not new
programmes, unless the person chose the kind."""

from __future__ import annotations

from arena.ingest import plan
from tests.fixtures.ingest import errors, natural, rejected, upload

PROGRAMMES = "Kod;Namn\nBG-2017;Stöd till beställargrupper\n"
INDICATORS = "Kod;Namn;Enhet\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer;antal\n"


def _stored(engine) -> None:
    for name, data in (("program.csv", PROGRAMMES), ("indikatorer.csv", INDICATORS)):
        result = upload(engine, name, data)
        assert result.outcome == "committed", result.problems


def test_a_list_of_stored_indicator_codes_updates_the_indicators(engine):
    # It previewed 1 new programme PROJECT_SUPPLIERS_DIALOGUE.
    _stored(engine)
    data = "Kod;Namn\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer i marknadsdialog\n"
    result = upload(engine, "lista.csv", data)
    assert result.outcome == "committed", result.problems
    assert result.kinds == ["indicators"]
    assert [p["code"] for p in natural(engine, "programmes")] == ["BG-2017"]
    (indicator,) = natural(engine, "indicators")
    assert (indicator["name_sv"], indicator["unit"]) == ("Leverantörer i marknadsdialog", "antal")
    (note,) = result.problems
    assert note.severity == "warning"
    assert note.text("en") == (
        "lista.csv was read as indicators, not programmes: the store holds every value under "
        "“Kod” (“PROJECT_SUPPLIERS_DIALOGUE”) among its indicators and none among its "
        "programmes. Choose the kind if the file holds something else."
    )


def test_a_chosen_kind_is_read_as_chosen(engine):
    _stored(engine)
    data = "Kod;Namn\nPROJECT_SUPPLIERS_DIALOGUE;Ett program\n"
    result = upload(engine, "lista.csv", data, kind="programmes", dry_run=True)
    assert (result.outcome, result.kinds) == ("dry-run", ["programmes"])
    assert result.plan.counts()["new"] == 1


def test_programme_codes_under_a_unit_are_refused_asking_for_the_kind(engine):
    # Programmes read no Enhet: which the person means is theirs to say, not one new indicator.
    _stored(engine)
    data = "Kod;Namn;Enhet\nBG-2017;Stöd;antal\n"
    assert rejected(engine, "lista.csv", data) == [(None, None, "format-error")]
    (problem,) = upload(engine, "lista.csv", data).problems
    assert problem.text("en") == (
        "lista.csv: the headers fit indicators, but the store holds every value under “Kod” "
        "(“BG-2017”) among its programmes and none among its indicators. Choose the kind "
        "(Programmes, Indicators) and import the file again."
    )
    # As the Data page's kind box names them; on the command line, as `--kind` takes them.
    assert "Välj typ (Program och uppdrag, Indikatorer)" in problem.text("sv")
    assert "(with --kind: programmes, indicators)" in problem.text("en", command_line=True)


def test_a_new_programme_or_a_code_of_both_kinds_is_read_by_its_headers(engine):
    _stored(engine)
    result = upload(engine, "lista.csv", "Kod;Namn\nNY-2026;Nytt program\n")
    assert (result.outcome, result.kinds, errors(result)) == ("committed", ["programmes"], [])
    # One code stored as a programme: the headers' kind stands, the indicator's code is new.
    data = "Kod;Namn\nBG-2017;Stöd\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer\n"
    result = upload(engine, "lista.csv", data, dry_run=True)
    assert (result.outcome, result.kinds) == ("dry-run", ["programmes"])
    assert result.plan.counts()["new"] == 1


def test_a_list_of_some_stored_codes_of_the_other_kind_asks_for_the_kind(engine):
    # An indicator's code beside a new one made 2 new programmes, one under the indicator's
    # code, without a word; a programme's code under a unit made an indicator BG-2017.
    _stored(engine)
    data = "Kod;Namn\nPROJECT_SUPPLIERS_DIALOGUE;Leverantörer\nSE_NEW_X;Ny indikator\n"
    assert rejected(engine, "lista.csv", data) == [(None, None, "format-error")]
    (problem,) = upload(engine, "lista.csv", data).problems
    assert problem.text("en") == (
        "lista.csv: the headers fit programmes, but the store holds "
        "“PROJECT_SUPPLIERS_DIALOGUE” under “Kod” among its indicators and none of the file's "
        "values among its programmes; the others are new. Choose the kind (Indicators, "
        "Programmes) and import the file again."
    )
    assert "Välj typ (Indikatorer, Program och uppdrag)" in problem.text("sv")
    data = "Kod;Namn;Enhet\nBG-2017;Stöd;antal\nNY_IND;Ny;antal\n"
    (problem,) = upload(engine, "lista.csv", data).problems
    assert problem.text("en").startswith(
        "lista.csv: the headers fit indicators, but the store holds “BG-2017” under “Kod” "
        "among its programmes"
    )
    assert [p["code"] for p in natural(engine, "programmes")] == ["BG-2017"]
    # Chosen, the kind is read as chosen.
    result = upload(engine, "lista.csv", data, kind="indicators", dry_run=True)
    assert (result.outcome, result.plan.counts()["new"]) == ("dry-run", 2)


def test_a_code_the_other_kind_stores_written_otherwise_counts_as_its(engine):
    # "project_suppliers_dialogue" beside a new code was no indicator's: 2 new programmes.
    _stored(engine)
    data = "Kod;Namn\nproject_suppliers_dialogue;Leverantörer\nSE_NEW_X;Ny indikator\n"
    assert rejected(engine, "lista.csv", data) == [(None, None, "format-error")]
    (problem,) = upload(engine, "lista.csv", data).problems
    # Named as the store holds it: the file's spelling is no key the store has.
    assert "“PROJECT_SUPPLIERS_DIALOGUE” under “Kod” among its indicators" in problem.text("en")
    assert "”PROJECT_SUPPLIERS_DIALOGUE” i ”Kod” bland sina indikatorer" in problem.text("sv")
    # Alone, the file is read as indicators, and the stored spelling is asked for.
    data = "Kod;Namn\nproject_suppliers_dialogue;Leverantörer\n"
    assert rejected(engine, "lista.csv", data) == [(2, "Kod", "unique-error")]
    note, refusal = upload(engine, "lista.csv", data).problems
    assert refusal.table == "indicators"
    assert "write it as stored, “PROJECT_SUPPLIERS_DIALOGUE”" in refusal.text("en")
    assert note.text("en").startswith("lista.csv was read as indicators, not programmes")
    assert "(“PROJECT_SUPPLIERS_DIALOGUE”)" in note.text("en")


def test_a_list_of_new_codes_reads_the_stored_keys_of_its_kind_once(engine, monkeypatch):
    # Which kind the list holds, as it was read, and the refusal of its keys written otherwise,
    # as it was planned, each read and folded every stored programme code: two passes over
    # the store's keys for a list of all-new ones. Now the plan reuses the first.
    _stored(engine)
    reads: list[str] = []
    read_keys = plan.key_ids

    def counted(conn, kind_name):
        reads.append(kind_name)
        return read_keys(conn, kind_name)

    monkeypatch.setattr(plan, "key_ids", counted)
    data = "Kod;Namn\nNY-2026;Nytt program\nbg-2017;Stöd\n"
    result = upload(engine, "lista.csv", data, dry_run=True)
    assert result.kinds == ["programmes"]
    assert reads.count("programmes") == 1
    # And reused only while the store stands: still refused as the stored BG-2017.
    assert errors(result) == [(3, "Kod", "unique-error")]


def test_stored_folds_are_read_again_once_the_store_has_changed(engine):
    _stored(engine)
    folds = plan.StoredFolds()
    with engine.connect() as conn:
        ids, folded = folds.of(conn, "programmes")
    assert set(ids) == {"BG-2017"} and folded == {plan._fold("BG-2017"): "BG-2017"}
    assert upload(engine, "program.csv", "Kod;Namn\nP2I;Nytt\n").outcome == "committed"
    with engine.connect() as conn:
        ids, _ = folds.of(conn, "programmes")
    assert set(ids) == {"BG-2017", "P2I"}
