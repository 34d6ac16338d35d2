"""The shared view: line breaks out, cells and figures kept apart, offsets faithful."""
from hypothesis import given
from hypothesis import strategies as st

from extractor.text import view

# issue 9's example: a heading, a name broken over a line, two table cells of digits
_SAMPLE = "一、发展目标\n到 2026 年，西咸新区\n管委会 牵头，新增企业 3000 4500家。"


def test_a_name_broken_over_a_line_reads_whole_and_two_cells_of_digits_stay_two():
    for spaces in ("one", "drop"):
        v = view(_SAMPLE, spaces=spaces)
        assert "西咸新区管委会" in v.text
        assert "30004500" not in v.text
        assert "3000 4500家" in v.text or "3000\t4500家" in v.text


def test_the_programme_view_of_issue_9_keeps_cells_and_figures_apart():
    # the programme finder reads this view: it once glued two table cells into 30004500
    v = view(_SAMPLE + "\n序号\t名称", spaces="drop")
    assert "3000\t4500家" in v.text and "序号\t名称" in v.text


def test_spaces_fold_to_one_or_go():
    assert view("省科技厅  省财政厅", spaces="one").text == "省科技厅 省财政厅"
    assert view("省科技厅  省财政厅", spaces="drop").text == "省科技厅省财政厅"
    assert view("省科技厅\t省财政厅", spaces="drop").text == "省科技厅\t省财政厅"


def test_breaks_mark_where_a_line_ended():
    v = view(_SAMPLE)
    assert {v.text[b] for b in v.breaks} == {"到", "管"}


_TEXTISH = st.text(alphabet=st.sampled_from(list("省科技厅到2026年 \n\t\f，。30 4500家")), max_size=60)


@given(_TEXTISH, st.sampled_from(["one", "drop"]))
def test_every_character_maps_back_to_its_clean_offset(clean, spaces):
    v = view(clean, spaces=spaces)
    assert len(v.text) == len(v.offsets)
    assert list(v.offsets) == sorted(set(v.offsets))
    assert list(v.breaks) == sorted(v.breaks)
    for char, offset in zip(v.text, v.offsets):
        assert char == clean[offset] or (char.isspace() and clean[offset].isspace())
    assert "".join(clean.split()) == "".join(v.text.split())
